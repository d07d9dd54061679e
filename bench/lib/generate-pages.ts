// Generates realistic legacy pages from the founding page's vocabulary: varied channels, bylines, dates, picks and encodings.
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";

export type GeneratedPage = { file: string; title: string; encoding: "utf-8" | "utf-8-bom" | "gb18030"; hasPicks: boolean };

const FIXTURE = path.resolve(__dirname, "..", "..", "prisma", "demo", "jnrb-2020-03-02-pingyin.txt");
const COUNTIES = ["平阴", "长清", "章丘", "济阳", "莱芜", "商河", "历城", "钢城", "天桥", "槐荫"];
const SLOGANS = ["新鲜有料。", "身边事,家乡情。", "看得见的变化。", "一起关注家门口的新闻。"];
const SOURCES = ["济南日报", "济南时报", "大众日报", "齐鲁晚报", "新时报"];
const SUBJECTS = ["疫情防控", "复工复产", "项目建设", "乡村振兴", "玫瑰产业", "招商引资", "民生保障", "企业服务", "网格化管理", "志愿服务", "春耕生产", "营商环境"];
const ENDINGS = ["跑出加速度", "按下“快进键”", "再上新台阶", "为什么能", "一线见闻", "纪实", "取得阶段性成效", "“两手抓、两手赢”", "有温度", "步履不停"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "冯", "朱"];
const GIVEN = ["晓明", "华", "晨", "一鸣", "经伟", "秀成", "静", "磊", "丽娜", "志强", "海燕", "建国"];
const LEAD_ROLES = ["本报记者", "本报记者", "记者", "见习记者"];
const SECOND_ROLES = ["通讯员", "实习生", "摄影"];
const FIVE_YEARS_MS = 5 * 365 * 24 * 3600 * 1000;
const START_MS = Date.UTC(2016, 0, 1) - 8 * 3600 * 1000;

/** A small deterministic random source, so a seed gives the same pages every run. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return { next, pick, between };
}

function fixtureSentences(): string[] {
  const lines = fs
    .readFileSync(FIXTURE, "utf8")
    .split("\n")
    .slice(4, 33)
    .filter((line) => line.trim());
  return lines.flatMap((line) => line.match(/[^。！？]+[。！？]/gu) ?? []).filter((sentence) => sentence.length > 8);
}

/** `2020-03-02 11:09` in Shanghai time. */
function shanghaiStamp(ms: number): string {
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 16).replace("T", " ");
}

/** Writes `count` pages under `folder` (year/month subfolders) and returns what was written. */
export function writePages(folder: string, count: number, seed = 20200302): GeneratedPage[] {
  const random = randomSource(seed);
  const sentences = fixtureSentences();
  const authors = SURNAMES.flatMap((surname) => GIVEN.map((given) => surname + given));
  const titles: string[] = [];
  const written: GeneratedPage[] = [];
  for (let index = 0; index < count; index++) {
    const county = random.pick(COUNTIES);
    const title = `${county}${random.pick(SUBJECTS)}${random.pick(ENDINGS)}${random.next() < 0.3 ? `(${random.between(2, 9)})` : ""}`;
    const time = shanghaiStamp(START_MS + Math.floor(random.next() * FIVE_YEARS_MS));
    const body = Array.from({ length: random.between(4, 14) }, () => Array.from({ length: random.between(1, 4) }, () => random.pick(sentences)).join(""));
    const picks = random.next() < 0.3 ? pickLines(random, titles, sentences) : [];
    const lines = [title, "", `${random.pick(SOURCES)} ${time}${random.next() < 0.8 ? " 大字" : ""}`, "", ...body.flatMap((paragraph) => [paragraph, ""])];
    lines.push(
      bylineLine(random, authors),
      "",
      ...picks,
      `${county}新闻,${county === "平阴" ? "新鲜有料。可以走尽是天涯,难以品尽是故乡。" : random.pick(SLOGANS)}`,
      "",
      " ",
      "相关推荐",
      "",
      "新闻推荐",
    );
    const text = lines.join(random.next() < 0.4 ? "\r\n" : "\n");
    const encoding = random.next() < 0.3 ? "gb18030" : random.next() < 0.15 ? "utf-8-bom" : "utf-8";
    const file = path.join(folder, time.slice(0, 4), time.slice(5, 7), `${county}-${String(index).padStart(5, "0")}.txt`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, encode(text, encoding));
    titles.push(title);
    written.push({ file, title, encoding, hasPicks: picks.length > 0 });
  }
  return written;
}

function bylineLine(random: ReturnType<typeof randomSource>, authors: string[]): string {
  const pairs = [`${random.pick(LEAD_ROLES)} ${random.pick(authors)}`];
  if (random.next() < 0.5) pairs.push(`${random.pick(SECOND_ROLES)} ${random.pick(authors)}`);
  if (random.next() < 0.1) pairs.push(random.pick(["报道", "摄影报道"]));
  return random.next() < 0.5 ? `(${pairs.join(" ")})` : `（${pairs.join(" ")}）`;
}

/** A 新闻推荐 block: 1-3 entries, half naming an earlier page (so they link), half titles never imported. */
function pickLines(random: ReturnType<typeof randomSource>, titles: string[], sentences: string[]): string[] {
  const lines = ["新闻推荐", ""];
  for (let entry = random.between(1, 3); entry > 0; entry--) {
    const title = titles.length > 0 && random.next() < 0.5 ? random.pick(titles) : `${random.pick(COUNTIES)}${random.pick(SUBJECTS)}观察`;
    lines.push(title, "", `“${random.pick(sentences).slice(0, 40)}……”...`, "");
  }
  return lines;
}

function encode(text: string, encoding: GeneratedPage["encoding"]): Buffer {
  if (encoding === "gb18030") return iconv.encode(text, "gb18030");
  return Buffer.from(encoding === "utf-8-bom" ? `\uFEFF${text}` : text, "utf8");
}
