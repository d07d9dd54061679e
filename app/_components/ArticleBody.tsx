import type { ReaderPart } from "@/lib/articles/reader-body";
import { PhotoFigure } from "./Figure";
import { GalleryViewer } from "./GalleryViewer";

/**
 * The article body in reading order: text, inline figures and 组图. The text parts are HTML sanitized
 * with an allowlist on every write and again when read (lib/text/html); captions and alt text are
 * React text. A body of text alone stays one element, as it always was.
 */
export function ArticleBody({ parts }: { parts: ReaderPart[] }) {
  const [first] = parts;
  if (parts.length === 0) return <div className="article-body" />;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: body HTML sanitized on write and again on read (lib/text/html)
  if (parts.length === 1 && first.kind === "html") return <div className="article-body" dangerouslySetInnerHTML={{ __html: first.html }} />;
  return (
    <div className="article-body">
      {parts.map((part, index) => {
        // biome-ignore lint/security/noDangerouslySetInnerHtml: body HTML sanitized on write and again on read (lib/text/html)
        if (part.kind === "html") return <div key={index} className="article-body__text" dangerouslySetInnerHTML={{ __html: part.html }} />;
        if (part.kind === "photo") return <PhotoFigure key={index} figure={part.figure} loading="lazy" />;
        return <GalleryViewer key={index} caption={part.caption} slides={part.figures.map((figure, slide) => <PhotoFigure key={slide} figure={figure} loading="lazy" />)} />;
      })}
    </div>
  );
}
