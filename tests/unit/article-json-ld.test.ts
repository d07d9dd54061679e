// NewsArticle structured data: the 题图's share image (absolute, with its size) when there is one.
import { describe, expect, it } from "vitest";
import { articleJsonLd } from "@/app/_components/article-json-ld";

const article = {
  id: 7,
  title: "标题</script><script>alert(1)</script>",
  summary: "摘要",
  publishedAt: new Date("2020-03-02T03:09:00Z"),
  updatedAt: new Date("2020-03-02T03:09:00Z"),
  bylines: [{ roleLabel: "本报记者", author: { id: 3, name: "冯经伟" } }],
  channel: null,
  source: "济南日报",
  shareImage: null,
  lead: null,
};
const site = { siteUrl: "https://news.example.cn", siteName: "济南日报" };

describe("articleJsonLd", () => {
  it("names the share image as an ImageObject on the site's origin, with width, height and the 图说", () => {
    const lead = {
      photoId: 1,
      alt: "玫瑰",
      caption: "图说（本报记者 王晓明 摄）",
      picture: { sources: [], img: { src: "", srcSet: "", sizes: "", width: 1920, height: 1280 } },
      focal: { x: 0.5, y: 0.5 },
      src: "",
    };
    const shareImage = { format: "jpeg", width: 1280, height: 853, bytes: 1, url: "/media/ab/1280.jpg" };
    const data = JSON.parse(articleJsonLd({ ...article, lead, shareImage }, site));
    expect(data.image).toEqual([{ "@type": "ImageObject", url: "https://news.example.cn/media/ab/1280.jpg", width: 1280, height: 853, caption: "图说（本报记者 王晓明 摄）" }]);
    expect(data.datePublished).toBe("2020-03-02T11:09:00+08:00");
  });

  it("has no image without a 题图, and never closes its <script> element early", () => {
    const json = articleJsonLd(article, site);
    expect(JSON.parse(json)).not.toHaveProperty("image");
    expect(json).not.toContain("</script>");
  });
});
