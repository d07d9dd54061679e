import { expect, test } from "@playwright/test";
import { fixtures, parseXml } from "./support";

test("drafts, articles in review, archived and future articles are invisible everywhere public", async ({ page, request }) => {
  const { hidden, hiddenTitles, channel, authorId } = fixtures();
  for (const id of Object.values(hidden)) {
    const response = await request.get(`/articles/${id}`);
    expect(response.status(), `article ${id}`).toBe(404);
  }
  const listPages = [
    "/",
    `/channels/${channel.slug}`,
    `/channels/${channel.slug}?page=2`,
    `/channels/${channel.slug}?page=3`,
    `/authors/${authorId}`,
    `/authors/${authorId}?page=3`,
  ];
  const documents = ["/feed.xml", `/channels/${channel.slug}/feed.xml`, "/sitemap.xml", "/news-sitemap.xml"];
  for (const path of [...listPages, ...documents]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const text = await response.text();
    for (const title of hiddenTitles) expect(text, `${title} on ${path}`).not.toContain(title);
    for (const id of Object.values(hidden)) expect(text, `article ${id} on ${path}`).not.toContain(`/articles/${id}"`);
  }
  const sitemap = await parseXml(page, await (await request.get("/sitemap.xml")).text());
  for (const id of Object.values(hidden)) expect(sitemap.locs.some((loc) => loc.endsWith(`/articles/${id}`))).toBe(false);
});
