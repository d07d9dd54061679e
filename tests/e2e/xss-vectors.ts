// An XSS corpus for the article body and the plain-text fields. Every vector tries to call alert()
// or to set window.__xss (or, for DOM clobbering, to define it); the specs check neither happens.
// Sources: the OWASP filter-evasion cheat sheet, PortSwigger's XSS cheat sheet and known sanitizer
// bypasses (mutation XSS through foreign content, noscript and raw-text elements).

const A = "alert(1)";
const M = "window.__xss=1";
const base64 = (text: string) => Buffer.from(text).toString("base64");
const decimal = (text: string) => [...text].map((char) => `&#${char.charCodeAt(0)};`).join("");
const paddedDecimal = (text: string) => [...text].map((char) => `&#${String(char.charCodeAt(0)).padStart(7, "0")}`).join("");
const hex = (text: string) => [...text].map((char) => `&#x${char.charCodeAt(0).toString(16)};`).join("");
const SCRIPT_PAGE = `<script>${A}</script>`;
const SVG_SCRIPT = `<svg xmlns="http://www.w3.org/2000/svg" onload="${A}"><script>${M}</script></svg>`;

export type Vector = {
  name: string;
  html: string;
  /** Leaves an element, comment or attribute open, so it eats whatever follows: tested last in its batch. */
  swallows?: true;
};

const vector = (name: string, html: string): Vector => ({ name, html });
const swallowing = (name: string, html: string): Vector => ({ name, html, swallows: true });

export const XSS_VECTORS: Vector[] = [
  // Script elements
  vector("script", `<script>${A}</script>`),
  vector("script upper case", `<SCRIPT>${M}</SCRIPT>`),
  vector("script mixed case with attributes", `<ScRiPt type="text/javascript">${A}</sCrIpT>`),
  vector("script module", `<script type="module">${M}</script>`),
  vector("script src data URL", `<script src="data:text/javascript,${M}"></script>`),
  vector("script slash attribute", `<script/xss src="data:,${A}"></script>`),
  vector("nested script halves", `<scr<script>ipt>${A}</scr</script>ipt>`),
  vector("double open bracket", `<<script>${A}//<</script>`),
  vector("break out of a paragraph", `</p><script>${M}</script><p>`),
  vector("break out of an attribute", `"><script>${A}</script>`),
  vector("fromCharCode", `<script>eval(String.fromCharCode(119,105,110,100,111,119,46,95,95,120,115,115,61,49))</script>`),
  vector("script in a list item", `<ul><li><script>${M}</script></li></ul>`),

  // Event handlers on many elements
  vector("img onerror", `<img src="x" onerror="${A}">`),
  vector("IMG ONERROR upper case", `<IMG SRC=x ONERROR=${M}>`),
  vector("img slashes for spaces", `<img/src=x/onerror=${A}>`),
  vector("img onerror eval(src)", `<img src="x:${A}" onerror="eval(src.slice(2))">`),
  vector("img onerror entity-encoded", `<img src=x onerror="${decimal(M)}">`),
  vector("img handler after newline", `<img src=x\nonerror\n=\n${A}>`),
  vector("image alias", `<image src=x onerror=${M}>`),
  vector("img srcset", `<img srcset="x" onerror="${A}">`),
  vector("picture source", `<picture><source srcset="x" onerror="${M}"><img src="x" onerror="${M}"></picture>`),
  vector("svg onload", `<svg onload=${A}>`),
  vector("svg slash onload", `<svg/onload=${M}>`),
  vector("body onload", `<body onload="${A}">`),
  vector("body onpageshow", `<body onpageshow="${M}">`),
  vector("input autofocus onfocus", `<input autofocus onfocus="${A}">`),
  vector("select autofocus onfocus", `<select autofocus onfocus="${M}"><option>1</option></select>`),
  vector("textarea autofocus onfocus", `<textarea autofocus onfocus="${A}">text</textarea>`),
  vector("details ontoggle", `<details open ontoggle="${M}"><summary>x</summary></details>`),
  vector("video source onerror", `<video><source onerror="${A}"></video>`),
  vector("audio onerror", `<audio src="x" onerror="${M}"></audio>`),
  vector("video poster javascript", `<video poster="javascript:${A}" src="x" onerror="${A}"></video>`),
  vector("marquee onstart", `<marquee onstart="${M}">news</marquee>`),
  vector("div onmouseover", `<div onmouseover="${A}">悬停</div>`),
  vector("paragraph onclick", `<p onclick="${M}" onmouseover="${M}">段落</p>`),
  vector("paragraph slash onclick", `<p/onmouseover=${A}>段落</p>`),
  vector("strong onmouseover", `<strong onmouseover="${A}">粗</strong>`),
  vector("em autofocus tabindex", `<em tabindex="1" autofocus onfocus="${M}">斜</em>`),
  vector("h2 onmouseover", `<h2 onmouseover="${A}">标题</h2>`),
  vector("blockquote onclick", `<blockquote onclick="${M}" onmouseover="${M}">引用</blockquote>`),
  vector("li onmouseover", `<ol><li onmouseover="${A}">项</li></ol>`),
  vector("hr and br handlers", `<hr onmouseover="${M}"><br onmouseover="${M}">`),
  vector("figure handlers", `<figure onmouseover="${A}"><figcaption onmouseover="${A}">图注</figcaption></figure>`),
  vector("a onmouseover with safe href", `<a href="https://example.org/" onmouseover="${M}" onfocus="${M}">链接</a>`),
  vector("button onclick", `<button onclick="${A}" autofocus onfocus="${A}">按钮</button>`),
  vector("input type image onerror", `<input type="image" src="x" onerror="${M}">`),
  vector("custom element handler", `<x-news onmouseover="${A}">自定义</x-news>`),
  vector("draggable ondragstart", `<div draggable="true" ondragstart="${M}">拖</div>`),
  vector("table background and td handler", `<table background="javascript:${A}"><tr><td onmouseover="${A}">格</td></tr></table>`),
  vector("svg animate onbegin", `<svg><animate onbegin="${M}" attributeName="x" dur="1s"></animate></svg>`),
  vector("svg set onbegin", `<svg><set onbegin="${A}" attributename="x" to="1"></set></svg>`),
  vector("handler with vertical tab", `<img src=x onerror\u000b=${M}>`),
  vector("handler name with null byte", `<img src=x on\u0000error=${A}>`),
  vector("onanimationstart with a style element", `<style>@keyframes x{}</style><p style="animation-name:x" onanimationstart="${M}">动画</p>`),

  // javascript:, vbscript: and data: URLs, encoded and mixed case
  vector("a javascript:", `<a href="javascript:${A}">链接</a>`),
  vector("a JaVaScRiPt:", `<a href="JaVaScRiPt:${M}">链接</a>`),
  vector("a leading space", `<a href=" javascript:${A}">链接</a>`),
  vector("a leading control character", `<a href="\u0001javascript:${M}">链接</a>`),
  vector("a tab inside the scheme", `<a href="java\tscript:${A}">链接</a>`),
  vector("a newline inside the scheme", `<a href="java\nscript:${M}">链接</a>`),
  vector("a encoded tab", `<a href="java&#x09;script:${A}">链接</a>`),
  vector("a encoded newline", `<a href="jav&#x0A;ascript:${M}">链接</a>`),
  vector("a encoded carriage return", `<a href="j&#x0D;avascript:${A}">链接</a>`),
  vector("a decimal entities", `<a href="${decimal("javascript:")}${M}">链接</a>`),
  vector("a padded decimal entities without semicolons", `<a href="${paddedDecimal("javascript:")}${A}">链接</a>`),
  vector("a hex entities", `<a href="${hex("javascript:")}${M}">链接</a>`),
  vector("a &colon;", `<a href="javascript&colon;${A}">链接</a>`),
  vector("a &#58;", `<a href="javascript&#58;${M}">链接</a>`),
  vector("a mixed case with &lpar;", `<a href="jAvAsCrIpT&colon;alert&lpar;1&rpar;">链接</a>`),
  vector("a one encoded letter", `<a href="javas&#99;ript:${M}">链接</a>`),
  vector("a encoded leading space", `<a href="&#x20;javascript:${A}">链接</a>`),
  vector("a comment and newline", `<a href="javascript://%0a${M}">链接</a>`),
  vector("a unicode escape in the script", String.raw`<a href="javascript:\u0061lert(1)">链接</a>`),
  vector("a unquoted", `<a href=javascript:${A}>链接</a>`),
  vector("a target _self", `<a href="javascript:${M}" target="_self">链接</a>`),
  vector("a vbscript:", `<a href="vbscript:msgbox(1)">链接</a>`),
  vector("a VBScript: mixed case", `<a href="VbScRiPt:${A}">链接</a>`),
  vector("a data:text/html", `<a href="data:text/html,${SCRIPT_PAGE}">链接</a>`),
  vector("a data: base64", `<a href="data:text/html;base64,${base64(SCRIPT_PAGE)}">链接</a>`),
  vector("a DaTa: mixed case", `<a href="DaTa:text/html;base64,${base64(SCRIPT_PAGE)}">链接</a>`),
  vector("a protocol-relative", `<a href="//evil.example/${M}">链接</a>`),
  vector("a title breaking out", `<a href="https://example.org/" title="&quot;&gt;&lt;img src=x onerror=${A}&gt;">链接</a>`),
  vector("a href query holding markup", `<a href="https://example.org/?q=&quot;&gt;&lt;script&gt;${M}&lt;/script&gt;">链接</a>`),
  vector("a id clobbering __xss", `<a id="__xss" name="__xss" href="https://example.org/">链接</a>`),
  vector("img name clobbering __xss", `<img name="__xss" src="https://example.org/x.png">`),
  vector("form name clobbering __xss", `<form name="__xss"></form>`),

  // SVG and MathML
  vector("svg script", `<svg><script>${A}</script></svg>`),
  vector("svg a xlink:href", `<svg><a xlink:href="javascript:${M}"><text x="20" y="20">XSS</text></a></svg>`),
  vector("svg a href", `<svg><a href="javascript:${A}"><text x="20" y="20">XSS</text></a></svg>`),
  vector("svg animate href to javascript", `<svg><a><animate attributeName="href" values="javascript:${M}"></animate><text x="20" y="20">点</text></a></svg>`),
  vector("svg use data URL", `<svg><use href="data:image/svg+xml;base64,${base64(SVG_SCRIPT)}#x"></use></svg>`),
  vector("svg foreignObject iframe", `<svg><foreignObject><iframe srcdoc="&lt;script&gt;parent.${M}&lt;/script&gt;"></iframe></foreignObject></svg>`),
  vector("svg style breaking out", `<svg><style><img src=x onerror=${A}></style></svg>`),
  vector("svg paragraph style mXSS", `<svg></p><style><a id="</style><img src=1 onerror=${M}>">`),
  vector("math mglyph style mXSS", `<math><mtext><table><mglyph><style><img src=x onerror=${A}>`),
  vector("math maction xlink:href", `<math><maction actiontype="statusline" xlink:href="javascript:${M}">点</maction></math>`),
  vector("math href", `<math href="javascript:${A}">点</math>`),
  vector("math annotation-xml html", `<math><annotation-xml encoding="text/html"><img src=x onerror=${M}></annotation-xml></math>`),

  // iframes, objects, embeds
  vector("iframe javascript:", `<iframe src="javascript:${A}"></iframe>`),
  vector("iframe srcdoc", `<iframe srcdoc="&lt;script&gt;parent.${M}&lt;/script&gt;"></iframe>`),
  vector("iframe data:", `<iframe src="data:text/html,${SCRIPT_PAGE}"></iframe>`),
  vector("iframe onload", `<iframe onload="${A}"></iframe>`),
  vector("object data:", `<object data="data:text/html;base64,${base64(SCRIPT_PAGE)}"></object>`),
  vector("object javascript:", `<object data="javascript:${M}"></object>`),
  vector("embed javascript:", `<embed src="javascript:${A}">`),
  vector("embed svg", `<embed src="data:image/svg+xml;base64,${base64(SVG_SCRIPT)}">`),
  vector("frameset onload", `<frameset onload="${M}"><frame src="javascript:${M}"></frameset>`),
  vector("portal", `<portal src="javascript:${A}"></portal>`),

  // Styles and expressions
  vector("style attribute url(javascript:)", `<div style="background:url(javascript:${A})">背景</div>`),
  vector("style attribute expression", `<p style="width:expression(${M})">表达式</p>`),
  vector("style attribute behavior", `<p style="behavior:url(xss.htc);-moz-binding:url(xss.xml#x)">行为</p>`),
  vector("style element @import", `<style>@import 'javascript:${A}';</style>`),
  vector("style element expression", `<style>*{x:expression(${M})}</style>`),
  vector("style element onload", `<style onload="${A}"></style>`),
  vector("link stylesheet", `<link rel="stylesheet" href="javascript:${M}" onload="${M}" onerror="${M}">`),

  // Meta, base, forms
  vector("meta refresh javascript:", `<meta http-equiv="refresh" content="0;url=javascript:${A}">`),
  vector("meta refresh data:", `<meta http-equiv="refresh" content="0;url=data:text/html;base64,${base64(SCRIPT_PAGE)}">`),
  vector("base href javascript:", `<base href="javascript:${M}//"><a href="/relative">相对链接</a>`),
  vector("base href elsewhere", `<base href="https://evil.example/">`),
  vector("form action javascript:", `<form action="javascript:${A}"><input type="submit" value="提交"></form>`),
  vector("button formaction", `<form><button formaction="javascript:${M}">提交</button></form>`),
  vector("input formaction", `<form><input type="submit" formaction="javascript:${A}" value="提交"></form>`),
  vector("isindex", `<isindex action="javascript:${M}" type="image">`),

  // Templates, noscript and raw-text elements (sanitizer parser differentials)
  vector("template script", `<template><script>${A}</script><img src=x onerror=${A}></template>`),
  vector("noscript title break-out", `<noscript><p title="</noscript><img src=x onerror=${M}>"></noscript>`),
  vector("textarea title break-out", `<textarea><img title="</textarea><img src=x onerror=${A}>"></textarea>`),
  vector("title element break-out", `<title><img title="</title><img src=x onerror=${M}>"></title>`),
  vector("style element break-out", `<style><img title="</style><img src=x onerror=${A}>"></style>`),
  vector("xmp break-out", `<xmp><img title="</xmp><img src=x onerror=${M}>"></xmp>`),
  vector("iframe text break-out", `<iframe><img title="</iframe><img src=x onerror=${A}>"></iframe>`),
  vector("noembed break-out", `<noembed><img title="</noembed><img src=x onerror=${M}>"></noembed>`),
  vector("noframes break-out", `<noframes><img title="</noframes><img src=x onerror=${A}>"></noframes>`),
  vector("comment break-out in an attribute", `<!--<img src="--><img src=x onerror=${M}//">`),
  vector("comment closed with --!>", `<!-- --!><img src=x onerror=${A}> -->`),
  vector("CDATA outside foreign content", `<![CDATA[><img src=x onerror=${M}>]]>`),
  vector("processing instruction", `<?xml version="1.0"?><img src=x onerror=${A}>`),
  vector("doctype", `<!DOCTYPE html><img src=x onerror=${M}>`),

  // Entities, escapes and look-alikes that must stay text
  vector("entity-escaped script as text", `<p>&lt;script&gt;${A}&lt;/script&gt;</p>`),
  vector("double-escaped script as text", `<p>&amp;lt;script&amp;gt;${M}&amp;lt;/script&amp;gt;</p>`),
  vector("unicode escapes as text", String.raw`<p>\u003cscript\u003ealert(1)\u003c/script\u003e</p>`),
  vector("full-width brackets as text", `<p>＜script＞${A}＜/script＞</p>`),
  vector("percent-encoded script as text", `<p>%3Cscript%3E${M}%3C/script%3E</p>`),
  vector("template expression as text", `<p>{{constructor.constructor('${A}')()}} \${${M}}</p>`),
  vector("img with hex entities without semicolons", `<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29>`),

  // Malformed and unclosed markup: each eats what follows, so it comes last in its batch
  swallowing("unclosed script", `<script>${A}`),
  swallowing("unclosed img with a comment", `<img src=x onerror=${M}//`),
  swallowing("unclosed quote in href", `<a href="javascript:${A}>链接</a>`),
  swallowing("unclosed comment", `<!--<script>${M}</script>`),
  swallowing("unclosed textarea", `<textarea><script>${A}</script>`),
  swallowing("unclosed title", `<title><img src=x onerror=${M}>`),
  swallowing("unclosed noscript", `<noscript><img src=x onerror=${A}>`),
  swallowing("unclosed style", `<style><img src=x onerror=${M}>`),
  swallowing("unclosed iframe", `<iframe src="javascript:${A}">`),
  swallowing("plaintext", `<plaintext><img src=x onerror=${M}>`),
];

/** Ordinary newsroom formatting that must come through every save exactly as written. */
export const FORMATTING = {
  heading: "小标题：格式保持不变",
  bold: "加粗的字",
  italic: "倾斜的字",
  quote: "引用的一段话。",
  items: ["第一项", "第二项"],
  link: { href: "https://example.org", text: "示例链接" },
};
export const FORMATTING_HTML = [
  `<h2>${FORMATTING.heading}</h2>`,
  `<p>普通段落，<strong>${FORMATTING.bold}</strong>和<em>${FORMATTING.italic}</em>。</p>`,
  `<blockquote><p>${FORMATTING.quote}</p></blockquote>`,
  `<ul>${FORMATTING.items.map((item) => `<li><p>${item}</p></li>`).join("")}</ul>`,
  `<p><a href="${FORMATTING.link.href}">${FORMATTING.link.text}</a></p>`,
].join("");

/**
 * The corpus in batches, one article each: the formatting first, then vectors, and exactly one
 * vector that leaves markup open at the very end, so no vector is hidden inside another.
 */
export function vectorBatches(): Vector[][] {
  const closing = XSS_VECTORS.filter((candidate) => candidate.swallows);
  const closed = XSS_VECTORS.filter((candidate) => !candidate.swallows);
  const batches = closing.map(() => [] as Vector[]);
  for (const [index, candidate] of closed.entries()) batches[index % batches.length].push(candidate);
  return batches.map((batch, index) => [...batch, closing[index]]);
}

export const batchHtml = (batch: Vector[]) => FORMATTING_HTML + batch.map((candidate) => candidate.html).join("\n");

/** Vectors for the plain-text fields, each within the field's length limit; all must render as text. */
export const FIELD_VECTORS = {
  title: `]]><script>${A}</script>"'&amp;<b>标题</b>`,
  subtitle: `$@1 {{constructor.constructor('${A}')()}} <img src=x onerror=${M}>`,
  summary: `</script><script>${M}</script><!--摘要-->`,
  source: `<svg onload=${A}>`,
  authorName: `<img src=x onerror=${M}>`,
  roleLabel: `<b onclick=${A}>`,
  pickTitle: `<a href="javascript:${A}">推荐</a>`,
  pickExcerpt: `"><iframe srcdoc="<script>${M}</script>">`,
  // The schema only takes http(s) links without spaces; this one still carries markup.
  pickUrl: `https://example.org/?q="><svg/onload=${A}>`,
};
