// The figures readers get, as the server renders them (and as a reader without JavaScript sees
// them): <picture> with srcset, sizes, width and height, loading rules, 图说 + credit, 组图 as a list.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleBody } from "@/app/_components/ArticleBody";
import { PhotoFigure } from "@/app/_components/Figure";
import { Thumbnail } from "@/app/_components/Thumbnail";
import type { ReaderPart } from "@/lib/articles/reader-body";
import type { Figure } from "@/lib/media/figures";
import { pictureMarkup } from "@/lib/media/picture";

function figure(photoId: number, overrides: Partial<Figure> = {}): Figure {
  const variants = [640, 1280, 1920].flatMap((width) =>
    ["avif", "jpeg"].map((format) => ({ format, width, height: (width * 2) / 3, bytes: width * 50, url: `/media/p${photoId}/${width}.${format === "jpeg" ? "jpg" : format}` })),
  );
  const picture = pictureMarkup(variants)!;
  return { photoId, alt: `替代文字${photoId}`, caption: `图说${photoId}（本报记者 王晓明 摄）`, picture, focal: { x: 0.25, y: 0.75 }, src: picture.img.src, ...overrides };
}

/** Parses rendered markup with a tiny tag reader: enough to check attributes of a few elements. */
function tags(html: string, name: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "g"))].map(([, attributes]) =>
    Object.fromEntries([...attributes.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)].map(([, key, value]) => [key.toLowerCase(), value ?? ""])),
  );
}
const render = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe("a figure", () => {
  it("the 题图 loads first: high priority, never lazy, with AVIF sources and the JPEG ladder", () => {
    const html = render(createElement(PhotoFigure, { figure: figure(1), loading: "lead", className: "lead" }));
    expect(html).toMatch(/^<figure class="photo lead"><picture><source [^>]+><img [^>]+><\/picture><figcaption>图说1（本报记者 王晓明 摄）<\/figcaption><\/figure>$/);
    const [source] = tags(html, "source");
    expect(source).toMatchObject({ type: "image/avif", srcset: expect.stringContaining("/media/p1/640.avif 640w"), sizes: "(min-width: 48rem) 46rem, calc(100vw - 2rem)" });
    const [img] = tags(html, "img");
    expect(img).toMatchObject({
      src: "/media/p1/1280.jpg",
      srcset: "/media/p1/640.jpg 640w, /media/p1/1280.jpg 1280w, /media/p1/1920.jpg 1920w",
      width: "1920",
      height: "1280",
      alt: "替代文字1",
      fetchpriority: "high",
    });
    expect(img).not.toHaveProperty("loading");
  });

  it("a figure in the body waits until the reader scrolls near it", () => {
    const [img] = tags(render(createElement(PhotoFigure, { figure: figure(2), loading: "lazy" })), "img");
    expect(img).toMatchObject({ loading: "lazy", decoding: "async", width: "1920", height: "1280" });
    expect(img).not.toHaveProperty("fetchpriority");
  });

  it("captions and alt text are text: markup in them is escaped, never parsed", () => {
    const html = render(createElement(PhotoFigure, { figure: figure(3, { caption: `<img src=x onerror=alert(1)>图说`, alt: `"><script>alert(1)</script>` }), loading: "lazy" }));
    expect(html).toContain("<figcaption>&lt;img src=x onerror=alert(1)&gt;图说</figcaption>");
    expect(html).toContain(`alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`);
    expect(html).not.toMatch(/<script|<img src=x/);
  });

  it("a figure without a caption has no empty <figcaption>", () => {
    expect(render(createElement(PhotoFigure, { figure: figure(4, { caption: "" }), loading: "lazy" }))).not.toContain("figcaption");
  });
});

describe("a list thumbnail", () => {
  it("is a 4:3 box cropped around the focal point, lazy, with the figure's alt text and the list's sizes", () => {
    const thumb = figure(5);
    thumb.picture.img.sizes = "(min-width: 48rem) 10rem, 33vw";
    const html = render(createElement(Thumbnail, { figure: thumb }));
    expect(html).toMatch(/^<picture class="thumb">/);
    expect(tags(html, "source")[0].sizes).toBe("(min-width: 48rem) 10rem, 33vw");
    expect(tags(html, "img")[0]).toMatchObject({
      width: "160",
      height: "120",
      loading: "lazy",
      alt: "替代文字5",
      style: "object-position:25% 75%",
      sizes: "(min-width: 48rem) 10rem, 33vw",
    });
  });
});

describe("the article body", () => {
  const parts: ReaderPart[] = [
    { kind: "html", html: "<p>第一段。</p>" },
    { kind: "photo", figure: figure(10) },
    { kind: "html", html: "<p>第二段。</p>" },
    { kind: "gallery", caption: "总说明", figures: [figure(11), figure(12), figure(13)] },
    { kind: "html", html: "<p>末段。</p>" },
  ];

  it("keeps text, inline figures and the 组图 in reading order; the 组图 is a plain list of figures then its 总说明", () => {
    const html = render(createElement(ArticleBody, { parts }));
    const order = [...html.matchAll(/<p>([^<]+)<\/p>|<figcaption>([^<]+)<\/figcaption>/g)].map((match) => match[1] ?? match[2]);
    expect(order).toEqual([
      "第一段。",
      "图说10（本报记者 王晓明 摄）",
      "第二段。",
      "图说11（本报记者 王晓明 摄）",
      "图说12（本报记者 王晓明 摄）",
      "图说13（本报记者 王晓明 摄）",
      "总说明",
      "末段。",
    ]);
    expect(html).toMatch(
      /<figure class="gallery"><div class="gallery__viewer"><ol class="gallery__items">(<li class="gallery__item"><figure class="photo">.*?<\/figure><\/li>){3}<\/ol><\/div><figcaption>总说明<\/figcaption><\/figure>/,
    );
    // Without JavaScript nothing is hidden and there are no controls that would do nothing.
    expect(html).not.toMatch(/hidden|<button|aria-roledescription/);
    for (const img of tags(html, "img")) expect(img).toMatchObject({ loading: "lazy", decoding: "async" });
  });

  it("a body of text alone is the one element it always was", () => {
    expect(render(createElement(ArticleBody, { parts: [{ kind: "html", html: "<p>只有文字。</p>" }] }))).toBe('<div class="article-body"><p>只有文字。</p></div>');
    expect(render(createElement(ArticleBody, { parts: [] }))).toBe('<div class="article-body"></div>');
  });
});
