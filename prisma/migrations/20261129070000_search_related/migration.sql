-- CreateTable
CREATE TABLE "SimilarArticle" (
    "articleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "similarId" INTEGER NOT NULL,
    "score" REAL NOT NULL,

    PRIMARY KEY ("articleId", "position"),
    CONSTRAINT "SimilarArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SimilarArticle_similarId_fkey" FOREIGN KEY ("similarId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "term" TEXT NOT NULL PRIMARY KEY,
    "articles" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "SimilarArticle_similarId_idx" ON "SimilarArticle"("similarId");

-- CreateIndex
CREATE INDEX "Article_id_status_publishedAt_channelId_createdById_updatedAt_idx" ON "Article"("id", "status", "publishedAt", "channelId", "createdById", "updatedAt");


-- Hand-written: document frequency of each search token (how many articles hold it), read by
-- lib/search/similar.ts to weigh an article's terms. fts5vocab reads the FTS5 index itself; it
-- stores nothing.
CREATE VIRTUAL TABLE "ArticleSearchTerms" USING fts5vocab('ArticleSearch', 'row');
