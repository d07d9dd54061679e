// The message catalog (lib/messages): codes written in lib are checked by the compiler (t() takes
// only catalog codes); this covers the codes built at run time from stored or typed values, and
// keeps lib's Chinese in the catalog.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ARTICLE_STATES } from "@/lib/articles/visibility";
import { SAVE_INTENTS } from "@/lib/articles/schema";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { ROLES } from "@/lib/auth/permissions";
import { isMessageCode, roleLabel, stateLabel, t } from "@/lib/messages/catalog";
import { zhCN } from "@/lib/messages/zh-CN";

const HAN = /\p{Script=Han}/u;

describe("codes built at run time", () => {
  it.each([
    ["role", ROLES],
    ["state", ARTICLE_STATES],
    ["action.article", SAVE_INTENTS],
    ["audit", AUDIT_ACTIONS],
  ] as const)("every %s.<value> has a Chinese entry", (prefix, values) => {
    for (const value of values) {
      const code = `${prefix}.${value}`;
      expect(isMessageCode(code), code).toBe(true);
      expect(zhCN[code as keyof typeof zhCN], code).toMatch(HAN);
    }
  });

  it("labels no audit action that lib does not record", () => {
    const labelled = Object.keys(zhCN)
      .filter((code) => code.startsWith("audit."))
      .map((code) => code.slice("audit.".length));
    expect(labelled.sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("says roles and states as the newsroom always has", () => {
    expect(ROLES.map(roleLabel)).toEqual(["记者", "编辑", "管理员"]);
    expect(ARTICLE_STATES.map(stateLabel)).toEqual(["草稿", "待审", "定时", "已发布", "已归档"]);
  });

  it("fills parameters in", () => {
    expect(t("channel.notEmpty", { name: "平阴新闻", count: 3 })).toBe("栏目「平阴新闻」下还有 3 篇文章（含草稿和已归档），不能删除。请先把这些文章移到其他栏目。");
    expect(t("form.stale", { savedBy: "编辑乙", savedAt: "2020-03-02 11:09", version: 4 })).toBe(
      "保存未成功：编辑乙 于 2020-03-02 11:09 保存了更新的版本（第 4 版）。您的修改仍在表单中。",
    );
  });

  it("has no code that is not a string or a function", () => {
    for (const [code, entry] of Object.entries(zhCN)) expect(["string", "function"], code).toContain(typeof entry);
  });
});

/**
 * Files of lib whose Chinese is data, not UI text: what legacy pages and bylines look like, the
 * particles similarity ignores, channel-name suffixes, the defaults of a fresh site, and the
 * English CLI naming Chinese terms.
 */
const CHINESE_IS_DATA = ["lib/messages/zh-CN.ts", "lib/legacy-import/", "lib/search/similarity.ts", "lib/channels/slug.ts", "lib/env.ts", "lib/cli/", "lib/json-transfer/"];

function libFiles(dir = "lib"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return file === path.join("lib", "generated") ? [] : libFiles(file);
    return file.endsWith(".ts") ? [file] : [];
  });
}

/** Chinese in string, template and regular-expression literals (comments may say what they like). */
function chineseLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isRegularExpressionLiteral(node)) && HAN.test(node.getText(source))) {
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("lib's Chinese", () => {
  it("lives in the message catalog, except data", () => {
    const files = libFiles().map((file) => file.split(path.sep).join("/"));
    const offenders = files.filter((file) => !CHINESE_IS_DATA.some((allowed) => file.startsWith(allowed))).flatMap(chineseLiterals);
    expect(offenders).toEqual([]);
  });

  it("is found by the check (it would catch a message written in lib)", () => {
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "catalog-probe-")), "probe.ts");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe file holds a template literal on purpose
    fs.writeFileSync(probe, "export const message = `已保存 ${1}`;\nexport const pattern = /本报记者/;\n// 注释不算\n");
    expect(chineseLiterals(probe)).toHaveLength(2);
    fs.rmSync(path.dirname(probe), { recursive: true });
  });
});
