-- CreateTable
CREATE TABLE "ChannelSlugRedirect" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "channelId" INTEGER NOT NULL,
    CONSTRAINT "ChannelSlugRedirect_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

