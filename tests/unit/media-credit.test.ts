// The credit line under a photo, as the paper prints it: 图说 then （本报记者 王晓明 摄）.
import { describe, expect, it } from "vitest";
import { formatCaptionWithCredit, formatCredit, type CreditSource } from "@/lib/media/credit";

const staff = { name: "王晓明", defaultRoleLabel: "本报记者" };
const none: CreditSource = { creditKind: "shot", creditAuthor: null, creditText: "", sourceOrg: "" };

describe("formatCredit", () => {
  it.each<[string, Partial<CreditSource>, string]>([
    ["staff photographer: role label + name + 摄", { creditAuthor: staff }, "（本报记者 王晓明 摄）"],
    ["correspondent by author record", { creditAuthor: { name: "李华", defaultRoleLabel: "通讯员" } }, "（通讯员 李华 摄）"],
    ["author without a role label", { creditAuthor: { name: "李华", defaultRoleLabel: "" } }, "（李华 摄）"],
    ["a linked author's role label stands for the organisation", { creditAuthor: staff, sourceOrg: "济南日报" }, "（本报记者 王晓明 摄）"],
    ["free text", { creditText: "新华社记者 王鹏" }, "（新华社记者 王鹏 摄）"],
    ["free text after its organisation", { creditText: "王鹏", sourceOrg: "新华社" }, "（新华社 王鹏 摄）"],
    ["organisation already in the text is not repeated", { creditText: "新华社记者 王鹏", sourceOrg: "新华社" }, "（新华社记者 王鹏 摄）"],
    ["供图 from an organisation", { creditKind: "supplied", sourceOrg: "平阴县委宣传部" }, "（平阴县委宣传部 供图）"],
    ["供图 from a person", { creditKind: "supplied", creditText: "张强" }, "（张强 供图）"],
    ["资料图 with nobody to credit", { creditKind: "archive" }, "（资料图）"],
    ["资料图 with a source", { creditKind: "archive", sourceOrg: "新华社" }, "（新华社 资料图）"],
    ["摄 with nobody to credit prints nothing", {}, ""],
    ["供图 with nobody to credit prints nothing", { creditKind: "supplied" }, ""],
    ["spaces tidied", { creditText: "  王   鹏 ", sourceOrg: " 新华社 " }, "（新华社 王 鹏 摄）"],
    ["brackets typed around the name are dropped", { creditText: "（王鹏）" }, "（王鹏 摄）"],
    ["half-width brackets too", { creditKind: "supplied", sourceOrg: "(平阴县委宣传部)" }, "（平阴县委宣传部 供图）"],
    ["a kind typed after the name is not printed twice", { creditText: "王鹏 摄" }, "（王鹏 摄）"],
    ["an unknown kind reads as 摄", { creditKind: "painted", creditText: "王鹏" }, "（王鹏 摄）"],
  ])("%s", (_label, source, expected) => {
    expect(formatCredit({ ...none, ...source })).toBe(expected);
  });
});

describe("formatCaptionWithCredit", () => {
  const photo = { ...none, creditAuthor: staff, caption: "平阴玫瑰进入盛花期。" };

  it("puts the credit right after the caption", () => {
    expect(formatCaptionWithCredit(photo)).toBe("平阴玫瑰进入盛花期。（本报记者 王晓明 摄）");
  });

  it("uses an article's own caption for this use when it has one", () => {
    expect(formatCaptionWithCredit(photo, "采花人在田间忙碌。")).toBe("采花人在田间忙碌。（本报记者 王晓明 摄）");
    expect(formatCaptionWithCredit(photo, "   ")).toBe("平阴玫瑰进入盛花期。（本报记者 王晓明 摄）");
  });

  it("prints the credit alone without a caption, and the caption alone without a credit", () => {
    expect(formatCaptionWithCredit({ ...photo, caption: "" })).toBe("（本报记者 王晓明 摄）");
    expect(formatCaptionWithCredit({ ...none, caption: " 图说 " })).toBe("图说");
  });

  it("keeps one copy of a credit an imported caption already ends with", () => {
    expect(formatCaptionWithCredit({ ...photo, caption: "玫瑰花开。（本报记者 王晓明 摄）" })).toBe("玫瑰花开。（本报记者 王晓明 摄）");
    expect(formatCaptionWithCredit({ ...photo, caption: "玫瑰花开。(本报记者 王晓明 摄)" })).toBe("玫瑰花开。(本报记者 王晓明 摄)");
  });
});
