// The limits a parsed legacy page must meet so its article stays editable (the newsroom form's limits).
import { z } from "zod";
import { paragraphsToHtml } from "../text/html";

const MAX_PICKS = 10;
const clip = (max: number) => (text: string) =>
  Array.from(text).length <= max
    ? text
    : Array.from(text)
        .slice(0, max - 1)
        .join("") + "…";

export const legacyPageSchema = z.object({
  title: z.string().min(1, "no title").max(200, "title longer than 200 characters"),
  source: z.string().max(50, "source (来源) longer than 50 characters"),
  publishedAt: z.date(),
  paragraphs: z
    .array(z.string().min(1))
    .min(1, "no body text")
    .refine((paragraphs) => paragraphsToHtml(paragraphs).length <= 500_000, "body longer than 500,000 characters"),
  bylines: z.array(z.object({ roleLabel: z.string().min(1).max(20), name: z.string().min(1).max(40) })).max(10, "more than 10 bylines"),
  // Picks are secondary: extra entries are dropped and long texts shortened rather than losing the page.
  picks: z.array(z.object({ title: z.string().transform(clip(200)), excerpt: z.string().transform(clip(500)) })).transform((picks) => picks.slice(0, MAX_PICKS)),
  channel: z.object({ name: z.string().min(1).max(40), tagline: z.string().max(500, "channel tagline longer than 500 characters") }).nullable(),
});

export type ValidatedPage = z.output<typeof legacyPageSchema>;
