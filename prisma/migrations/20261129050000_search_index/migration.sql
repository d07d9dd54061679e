-- Full-text index of published articles (hand-written: Prisma cannot express FTS5).
-- rowid = Article.id. The columns hold tokens made by lib/search/tokenize.ts (Han bigrams and
-- unigrams, whole Latin/digit words), space-separated; unicode61 only splits them on spaces, and
-- "." is a token character so "2.6" stays one word. Contentless: the text lives in Article, so
-- the index stores no second copy; contentless_delete lets a row be removed (SQLite >= 3.43).
-- Rows are written by lib/search/index.ts inside each article write's transaction; no triggers,
-- because the tokenizer runs in the app.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    title_tokens,
    body_tokens,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '.'"
);
