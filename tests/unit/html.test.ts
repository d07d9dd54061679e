import { describe, expect, it } from "vitest";
import { escapeHtml, htmlToText, paragraphsToHtml, sanitizeBodyHtml } from "@/lib/text/html";

describe("sanitizeBodyHtml keeps the editor's formatting", () => {
  it.each([
    "<p>正文</p>",
    "<h2>小标题</h2>",
    "<h3>三级标题</h3>",
    "<p><strong>加粗</strong>与<em>强调</em></p>",
    "<blockquote><p>引用</p></blockquote>",
    "<ul><li>一</li><li>二</li></ul>",
    "<ol><li>一</li><li>二</li></ol>",
  ])("%s survives unchanged", (html) => {
    expect(sanitizeBodyHtml(html)).toBe(html);
  });

  it.each([
    ["http", "http://example.com/a"],
    ["https", "https://example.com/a?b=1&amp;c=2"],
    ["mailto", "mailto:news@example.com"],
  ])("keeps %s links and marks them noopener", (_scheme, href) => {
    const out = sanitizeBodyHtml(`<p><a href="${href}">链接</a></p>`);
    expect(out).toContain(`href="${href}"`);
    expect(out).toContain(">链接</a>");
    expect(out).toMatch(/rel="noopener noreferrer nofollow"/);
  });

  it("forces a safe rel on links that open a new tab", () => {
    const out = sanitizeBodyHtml('<a href="https://example.com" target="_self" rel="opener">x</a>');
    expect(out).toContain('target="_blank"');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
    expect(out).not.toContain('rel="opener"');
  });
});

describe("sanitizeBodyHtml removes anything that could run or restyle", () => {
  it.each([
    ["script element", "<p>安全</p><script>alert(1)</script>", ["<script", "alert(1)"]],
    ["onclick handler", '<p onclick="alert(1)">安全</p>', ["onclick", "alert"]],
    ["onerror on an image", '<img src="x" onerror="alert(1)"><p>安全</p>', ["<img", "onerror", "alert"]],
    ["onmouseover on a link", '<a href="https://example.com" onmouseover="alert(1)">安全</a>', ["onmouseover", "alert"]],
    ["javascript: URL", '<a href="javascript:alert(1)">安全</a>', ["javascript:", "alert"]],
    ["JavaScript: URL with odd case and whitespace", '<a href=" JaVaScRiPt:alert(1)">安全</a>', ["javascript", "alert"]],
    ["data: URL", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">安全</a>', ["data:", "base64"]],
    ["protocol-relative URL", '<a href="//evil.example.com">安全</a>', ["evil.example.com"]],
    ["iframe", '<iframe src="https://evil.example.com"></iframe><p>安全</p>', ["<iframe", "evil.example.com"]],
    ["style attribute", '<p style="color:red;position:fixed">安全</p>', ["style", "color:red"]],
    ["style element", "<style>body{display:none}</style><p>安全</p>", ["<style", "display:none"]],
    ["class and id attributes", '<p class="x" id="y">安全</p>', ["class=", "id="]],
    ["object/embed", '<object data="x.swf"></object><embed src="x.swf"><p>安全</p>', ["<object", "<embed", "x.swf"]],
    ["form and input", '<form action="https://evil.example.com"><input name="q"></form><p>安全</p>', ["<form", "<input", "evil"]],
  ])("%s", (_label, html, forbidden) => {
    const out = sanitizeBodyHtml(html);
    for (const fragment of forbidden) expect(out.toLowerCase()).not.toContain(fragment.toLowerCase());
    expect(out).toContain("安全");
  });
});

describe("htmlToText", () => {
  it.each([
    ["paragraphs become lines", "<p>第一段</p><p>第二段</p>", "第一段\n第二段"],
    ["inline tags vanish", "<p><strong>加粗</strong>与<em>强调</em></p>", "加粗与强调"],
    ["headings and list items get their own lines", "<h2>标题</h2><ul><li>一</li><li>二</li></ul>", "标题\n一\n二"],
    ["br is a line break", "<p>上<br>下<br/>末</p>", "上\n下\n末"],
    ["entities are decoded once", "<p>A &amp; B &lt;tag&gt; &quot;q&quot; &#39;s&#39;</p>", "A & B <tag> \"q\" 's'"],
    ["double-escaped text stays literally escaped", "<p>&amp;lt;script&amp;gt;</p>", "&lt;script&gt;"],
    ["scripts contribute no text", "<p>安全</p><script>alert(1)</script>", "安全"],
    ["empty paragraphs and whitespace lines are dropped", "<p> </p><p>内容</p>\n\n<p></p>", "内容"],
  ])("%s", (_label, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

it("htmlToText turns &nbsp; into a space character, not the literal entity", () => {
  expect(htmlToText("<p>a&nbsp;b</p>")).toMatch(/^a[ \u00a0]b$/);
});

describe("paragraphsToHtml", () => {
  it("wraps each paragraph in <p>", () => {
    expect(paragraphsToHtml(["第一段", "第二段"])).toBe("<p>第一段</p>\n<p>第二段</p>");
  });

  it("escapes markup-looking text so it stays text", () => {
    const html = paragraphsToHtml(["<script>alert(\"x\")</script> & '引号'"]);
    expect(html).toBe("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;引号&#39;</p>");
    expect(html).not.toContain("<script>");
  });

  it("escaped paragraphs survive sanitizing and read back as the original text", () => {
    const paragraphs = ["<script>alert(1)</script>", "A & B", '<a href="javascript:x">点我</a>'];
    const html = sanitizeBodyHtml(paragraphsToHtml(paragraphs));
    expect(html).not.toMatch(/<script|<a /);
    expect(htmlToText(html)).toBe(paragraphs.join("\n"));
  });

  it("escapeHtml escapes all five special characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});
