import Link from "next/link";

type BylineEntry = { roleLabel: string; author: { id: number; name: string } };

/** The byline as the paper prints it: `(本报记者 冯经伟 通讯员 李华)`, a role label once per run. */
export function Byline({ bylines }: { bylines: BylineEntry[] }) {
  if (bylines.length === 0) return null;
  return (
    <p className="byline">
      (
      {bylines.map((entry, index) => (
        <span key={`${entry.author.id}-${index}`}>
          {index > 0 && " "}
          {entry.roleLabel !== bylines[index - 1]?.roleLabel && `${entry.roleLabel} `}
          <Link href={`/authors/${entry.author.id}`}>{entry.author.name}</Link>
        </span>
      ))}
      )
    </p>
  );
}

/** `本报记者 冯经伟、通讯员 李华` for lists and metadata. */
export function bylineText(bylines: BylineEntry[]): string {
  return bylines.map((entry) => `${entry.roleLabel} ${entry.author.name}`).join("、");
}
