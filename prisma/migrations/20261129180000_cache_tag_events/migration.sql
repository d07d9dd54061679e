-- CreateTable
CREATE TABLE "CacheTagEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tags" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "CacheTagEvent_createdAt_idx" ON "CacheTagEvent"("createdAt");

