// How readers see an article's photos, from the library through a newsroom save to the rendered
// figures: the 题图 with its credit line, inline figures and a 组图 in reading order, list thumbnails,
// and the share image for cards and structured data. Photos are real files made by the pipeline.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ArticleBody } from "@/app/_components/ArticleBody";
import { articleJsonLd } from "@/app/_components/article-json-ld";
import { PhotoFigure } from "@/app/_components/Figure";
import { absoluteShareImage } from "@/app/_components/photo-layout";
import { Thumbnail } from "@/app/_components/Thumbnail";
import { getPublicArticle, listLatestArticles, type PublicArticle } from "@/lib/articles/public";
import { createArticle as publishArticle } from "@/lib/articles/save";
import type { Viewer } from "@/lib/auth/viewer";
import { prisma } from "@/lib/db";
import { updatePhotoDetails } from "@/lib/media/manage";
import { createPhoto } from "@/lib/media/upload";
import { waitForImageWork } from "@/lib/media/work-queue";
import { articleInput, createViewer, uniqueLabel } from "./newsroom-factories";
import { plainJpeg, temporaryMediaDirPerTest } from "./media-fixtures";

temporaryMediaDirPerTest();

const SITE = { siteUrl: "https://news.example.cn", siteName: "济南日报" };
let editor: Viewer;
let photographer: string;
const photoIds: number[] = [];

async function upload(colour: string): Promise<number> {
  const photo = await createPhoto(editor, { bytes: await plainJpeg(1600, 1067, colour), fileName: `${uniqueLabel("IMG")}.jpg` });
  await waitForImageWork();
  return photo.id;
}

const figureHtml = (photoId: number, caption: string) => `<figure data-photo-id="${photoId}"><img src="" alt="替代文字${photoId}"><figcaption>${caption}</figcaption></figure>`;
const captions = (html: string) => [...html.matchAll(/<p>([^<]+)<\/p>|<figcaption>([^<]+)<\/figcaption>/g)].map((match) => match[1] ?? match[2]);

beforeAll(async () => {
  editor = await createViewer("editor");
  photographer = uniqueLabel("王晓明");
  const author = await prisma.author.create({ data: { name: photographer, defaultRoleLabel: "本报记者" } });
  for (const colour of ["#a33", "#3a3", "#33a", "#aa3", "#3aa"]) photoIds.push(await upload(colour));
  for (const photoId of photoIds) {
    await updatePhotoDetails(editor, {
      photoId,
      caption: `库图说${photoId}`,
      alt: `库替代文字${photoId}`,
      creditAuthorId: author.id,
      creditText: "",
      creditKind: "shot",
      sourceOrg: "",
      focalX: 0.2,
      focalY: 0.8,
    });
  }
});

async function publish(input: Parameters<typeof articleInput>[0]): Promise<PublicArticle> {
  const { articleId } = await publishArticle(editor, articleInput(input), "publish");
  const article = await getPublicArticle(articleId);
  if (!article) throw new Error("the published article is not public");
  return article;
}

describe("an article with a 题图, an inline figure and a 组图", () => {
  let article: PublicArticle;
  beforeAll(async () => {
    const [lead, inline, ...gallery] = photoIds;
    article = await publish({
      title: uniqueLabel("组图稿件"),
      lead: { photoId: lead, caption: "玫瑰盛开", alt: "" },
      bodyHtml: `<p>第一段。</p>${figureHtml(inline, "")}<p>第二段。</p><figure data-gallery="">${gallery.map((id, index) => figureHtml(id, `分说明${index + 1}`)).join("")}<figcaption>总说明</figcaption></figure><p>末段。</p>`,
    });
  });

  it("shows the 题图 with this article's 图说, the credit line and the library's alt text, fetched first", () => {
    const html = renderToStaticMarkup(createElement(PhotoFigure, { figure: article.lead!, loading: "lead", className: "lead" }));
    expect(html).toContain(`<figcaption>玫瑰盛开（本报记者 ${photographer} 摄）</figcaption>`);
    expect(html).toContain(`alt="库替代文字${photoIds[0]}"`);
    expect(html).toContain('fetchPriority="high"');
    expect(html).toMatch(/<source type="image\/avif" srcSet="\/media\/[^"]+ 320w, [^"]+ 1600w"/);
    expect(html).toMatch(
      /<img src="\/media\/[^"]+" srcSet="\/media\/[^"]+ 320w, \/media\/[^"]+ 640w, \/media\/[^"]+ 960w, \/media\/[^"]+ 1280w, \/media\/[^"]+ 1600w" sizes="[^"]+" width="1600" height="1067"/,
    );
  });

  it("renders the body in reading order: text, the inline figure (library 图说), text, each 组图 figure with its 分说明, the 总说明", () => {
    const html = renderToStaticMarkup(createElement(ArticleBody, { parts: article.body }));
    const credit = `（本报记者 ${photographer} 摄）`;
    expect(captions(html)).toEqual(["第一段。", `库图说${photoIds[1]}${credit}`, "第二段。", `分说明1${credit}`, `分说明2${credit}`, `分说明3${credit}`, "总说明", "末段。"]);
    expect(html.match(/<img /g)).toHaveLength(4);
    expect(html).not.toContain('fetchPriority="high"');
    expect(html.match(/loading="lazy"/g)).toHaveLength(4);
  });

  it("shares the 题图's JPEG at least 1200 px wide, absolute, in cards and NewsArticle", () => {
    const image = absoluteShareImage(article.shareImage, article.lead!.alt, SITE.siteUrl)!;
    expect(image).toMatchObject({
      url: expect.stringMatching(/^https:\/\/news\.example\.cn\/media\/.+\.jpg$/),
      width: 1280,
      height: expect.any(Number),
      alt: `库替代文字${photoIds[0]}`,
    });
    expect(JSON.parse(articleJsonLd(article, SITE)).image).toEqual([
      { "@type": "ImageObject", url: image.url, width: 1280, height: image.height, caption: `玫瑰盛开（本报记者 ${photographer} 摄）` },
    ]);
  });

  it("lists the article with its 题图 as a 4:3 thumbnail cropped around the focal point", async () => {
    const listed = (await listLatestArticles(50)).find((item) => item.id === article.id)!;
    const html = renderToStaticMarkup(createElement(Thumbnail, { figure: listed.thumbnail! }));
    expect(html).toContain(`alt="库替代文字${photoIds[0]}"`);
    expect(html).toContain('width="160" height="120"');
    expect(html).toContain('sizes="(min-width: 48rem) 10rem, 33vw"');
    expect(html).toContain("object-position:20% 80%");
  });
});

it("an article without photos keeps its body as one element and names no image", async () => {
  const article = await publish({ title: uniqueLabel("无图稿件"), bodyHtml: "<p>只有文字。</p>" });
  expect(article.lead).toBeNull();
  expect(article.shareImage).toBeNull();
  expect(renderToStaticMarkup(createElement(ArticleBody, { parts: article.body }))).toBe('<div class="article-body"><p>只有文字。</p></div>');
  expect(JSON.parse(articleJsonLd(article, SITE))).not.toHaveProperty("image");
  expect((await listLatestArticles(50)).find((item) => item.id === article.id)?.thumbnail).toBeNull();
});
