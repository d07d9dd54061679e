// A realistic archive of published articles for the search benchmark, written straight into a
// migrated SQLite file: topics with their own vocabulary (so similar articles exist), place names,
// company and people names, Latin and numbers (5G, AI, 2.6亿元), sentences of the founding page,
// 10 county channels and 2 topic channels, 168 authors, five years of publishing. Seeded.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { seededRandom, type Random } from "./chinese-body";

const FIXTURE = path.resolve(__dirname, "..", "..", "prisma", "demo", "jnrb-2020-03-02-pingyin.txt");
const COUNTIES = ["平阴", "长清", "章丘", "济阳", "莱芜", "商河", "历城", "钢城", "天桥", "槐荫"];
const TOPICS: Record<string, string[]> = {
  疫情防控: ["疫情防控", "核酸检测", "隔离观察", "体温检测", "口罩", "消毒", "联防联控", "疫苗接种", "防疫物资", "确诊病例", "健康码", "战疫", "抗疫", "排查", "卡口"],
  复工复产: ["复工复产", "开工率", "返岗", "用工", "订单", "产能", "生产线", "复工证明", "包车接送", "稳岗", "满负荷", "达产"],
  乡村振兴: ["乡村振兴", "合作社", "村集体", "土地流转", "特色种植", "农家乐", "村民", "党支部", "美丽乡村", "致富", "帮扶", "脱贫攻坚"],
  玫瑰产业: ["玫瑰", "花农", "玫瑰花茶", "精油", "采摘", "花期", "深加工", "玫瑰小镇", "种植基地", "电商直播"],
  项目建设: ["项目建设", "开工", "签约", "投资", "总投资", "亿元", "招商引资", "产业园", "重点项目", "竣工", "土建", "施工"],
  交通出行: ["高速", "公交", "地铁", "道路", "通车", "拥堵", "限行", "停车", "出租车", "高铁", "路网", "交警"],
  教育: ["学校", "学生", "教师", "开学", "课堂", "网课", "高考", "中考", "幼儿园", "义务教育", "校园", "家长"],
  医疗健康: ["医院", "医生", "患者", "门诊", "医保", "护士", "手术", "急救", "家庭医生", "体检", "药品", "卫生院"],
  科技创新: ["5G", "AI", "人工智能", "大数据", "基站", "芯片", "数字化", "智能制造", "研发", "专利", "云平台", "物联网"],
  生态环境: ["生态", "环保", "黄河", "植树", "空气质量", "污水处理", "河长制", "湿地", "绿化", "垃圾分类", "蓝天", "治理"],
  民生保障: ["民生", "低保", "养老", "社区", "就业", "供暖", "自来水", "保障房", "救助", "志愿者", "便民", "菜篮子"],
  文化旅游: ["文旅", "景区", "游客", "非遗", "博物馆", "演出", "民俗", "庙会", "旅游", "文化节", "古村落", "研学"],
  营商环境: ["营商环境", "审批", "一网通办", "企业", "减税降费", "放管服", "窗口", "服务专员", "惠企政策", "融资", "贷款", "纾困"],
  农业生产: ["春耕", "小麦", "玉米", "农机", "播种", "收割", "化肥", "灌溉", "夏粮", "秋收", "大棚", "蔬菜"],
  安全生产: ["安全生产", "隐患", "消防", "检查", "演练", "应急", "防汛", "事故", "排查整治", "危化品", "责任制", "督导"],
  体育: ["马拉松", "运动会", "篮球", "足球", "健身", "全民健身", "比赛", "冠军", "体育场", "赛事", "运动员", "训练"],
};
const NAMES = ["玫德集团", "济钢集团", "鲁西化工", "海尔", "浪潮", "重汽", "东阿阿胶", "齐鲁制药", "黄河大桥", "泉城广场", "杨旭东", "冯经伟", "张华", "王晓明", "李秀成"];
const COMMON = [
  "记者",
  "近日",
  "今年",
  "目前",
  "进一步",
  "全面",
  "推进",
  "加快",
  "落实",
  "工作",
  "发展",
  "建设",
  "群众",
  "组织",
  "开展",
  "实施",
  "提升",
  "服务",
  "保障",
  "统筹",
  "持续",
  "积极",
  "有效",
  "重要",
  "部门",
  "相关",
  "负责人",
  "介绍",
  "表示",
  "据了解",
  "截至",
  "同比增长",
  "完成",
  "实现",
  "带动",
  "支持",
  "创新",
  "质量",
  "效率",
  "基层",
  "一线",
  "干部",
  "党员",
  "引导",
  "机制",
  "措施",
  "政策",
  "问题",
  "情况",
  "要求",
  "确保",
  "不断",
  "努力",
  "坚持",
  "形成",
  "共同",
  "提供",
  "方面",
  "明显",
  "稳步",
  "全县",
  "全市",
  "街道",
  "镇",
  "村",
  "县委",
  "县政府",
  "市民",
  "居民",
  "单位",
  "活动",
  "会议",
  "部署",
  "关键",
  "环节",
  "任务",
  "目标",
  "成效",
  "经验",
  "亮点",
  "第一时间",
  "多措并举",
  "两手抓",
];
const ENDINGS = ["跑出加速度", "按下“快进键”", "再上新台阶", "为什么能", "一线见闻", "纪实", "取得阶段性成效", "有温度", "步履不停", "见成效", "正当时", "观察"];
const NUMBERS = () => [
  (r: Random) => `${(1 + Math.floor(r() * 99)) / 10}亿元`,
  (r: Random) => `${Math.floor(r() * 9000) + 100}余人`,
  (r: Random) => `${Math.floor(r() * 95) + 3}%`,
  (r: Random) => `${2016 + Math.floor(r() * 5)}年`,
  () => "1+N",
];
const SOURCES = ["济南日报", "济南时报", "大众日报", "齐鲁晚报", "新时报"];
const FIVE_YEARS_MS = 5 * 365 * 24 * 3600 * 1000;
const START_MS = Date.UTC(2016, 0, 1) - 8 * 3600 * 1000;
const BATCH = 2000;

function fixtureSentences(): string[] {
  const lines = fs.readFileSync(FIXTURE, "utf8").split("\n").slice(4, 33);
  return lines.flatMap((line) => line.match(/[^。！？]+[。！？]/gu) ?? []).filter((sentence) => sentence.length > 8);
}

/** One generated article: a topic, a county, 4-14 paragraphs of 2-5 sentences. */
export function composeArticle(random: Random, sentences: string[]) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const topicName = pick(Object.keys(TOPICS));
  const topic = TOPICS[topicName];
  const county = pick(COUNTIES);
  const numbers = NUMBERS();
  const word = () => {
    const roll = random();
    if (roll < 0.5) return pick(COMMON);
    if (roll < 0.83) return pick(topic);
    if (roll < 0.9) return county;
    if (roll < 0.95) return pick(NAMES);
    return pick(numbers)(random);
  };
  const sentence = () => {
    if (random() < 0.02) return pick(sentences);
    const words = Array.from({ length: 5 + Math.floor(random() * 8) }, word);
    return words.map((w, i) => (i > 0 && random() < 0.2 ? `，${w}` : w)).join("") + "。";
  };
  const paragraphs = Array.from({ length: 4 + Math.floor(random() * 11) }, () => Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(""));
  const title = `${county}${pick(topic)}${pick(ENDINGS)}`;
  return { title, paragraphs, county, topicName };
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const stored = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** Writes `count` published articles into the migrated database at `file`; returns nothing but progress. */
export function writeArchive(file: string, count: number, onProgress: (done: number) => void = () => {}, seed = 20200302): void {
  const random = seededRandom(seed);
  const sentences = fixtureSentences();
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const now = stored(Date.now());
  const channelIds = new Map<string, number>();
  const insertChannel = db.prepare('INSERT INTO "Channel" (slug, name, tagline, position, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)');
  // A channel of that name may exist already (the demo content's, when added to a prepared site).
  const existingChannel = db.prepare('SELECT id FROM "Channel" WHERE name = ?');
  [...COUNTIES.map((c) => `${c}新闻`), "科技", "文旅"].forEach((name, position) => {
    const existing = existingChannel.get(name) as { id: number } | undefined;
    channelIds.set(name, existing ? existing.id : Number(insertChannel.run(`bench-${position}`, name, "新鲜有料。", position, now, now).lastInsertRowid));
  });
  const insertAuthor = db.prepare('INSERT INTO "Author" (name, defaultRoleLabel, bio, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)');
  const authorIds = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "冯", "朱"].flatMap((surname) =>
    ["晓明", "华", "晨", "一鸣", "经伟", "秀成", "静", "磊", "丽娜", "志强", "海燕", "建国"].map((given) =>
      Number(insertAuthor.run(surname + given, "本报记者", "", now, now).lastInsertRowid),
    ),
  );
  const insertArticle = db.prepare(
    "INSERT INTO \"Article\" (title, subtitle, summary, bodyHtml, bodyText, source, status, publishedAt, version, channelId, createdAt, updatedAt) VALUES (?, '', ?, ?, ?, ?, 'published', ?, 1, ?, ?, ?)",
  );
  const insertByline = db.prepare('INSERT INTO "Byline" (articleId, authorId, roleLabel, position) VALUES (?, ?, ?, 0)');
  const writeBatch = db.transaction((size: number) => {
    for (let n = 0; n < size; n++) {
      const article = composeArticle(random, sentences);
      const bodyText = article.paragraphs.join("\n");
      const channel = article.topicName === "科技创新" ? "科技" : article.topicName === "文化旅游" ? "文旅" : `${article.county}新闻`;
      const time = stored(START_MS + Math.floor(random() * FIVE_YEARS_MS));
      const html = article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("");
      const id = Number(
        insertArticle.run(article.title, bodyText.slice(0, 120), html, bodyText, SOURCES[Math.floor(random() * SOURCES.length)], time, channelIds.get(channel), time, time)
          .lastInsertRowid,
      );
      insertByline.run(id, authorIds[Math.floor(random() * authorIds.length)], "本报记者");
    }
  });
  for (let done = 0; done < count; ) {
    const size = Math.min(BATCH, count - done);
    writeBatch(size);
    done += size;
    onProgress(done);
  }
  db.close();
}
