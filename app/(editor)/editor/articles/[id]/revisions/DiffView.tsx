import type { FieldDiff } from "@/lib/articles/revisions";

/** Character-level differences, marked for the eye (colour, strike-through) and for screen readers. */
export function DiffView({ fields, from, to }: { fields: FieldDiff[]; from: number; to: number }) {
  const changed = fields.filter((field) => field.changed);
  return (
    <section className="diff" aria-label={`第 ${from} 版与第 ${to} 版的差异`}>
      <p className="meta">
        第 {from} 版 → 第 {to} 版：{changed.length === 0 ? "没有差异" : `${changed.length} 处字段有修改`}
        <span className="diff-legend">
          {" "}
          <ins>新增</ins> <del>删除</del>
        </span>
      </p>
      {changed.map((field) => (
        <div className="diff-field" key={field.label}>
          <h3>{field.label}</h3>
          <p className="diff-text">
            {field.parts.map((part, index) =>
              part.kind === "insert" ? (
                <ins key={index}>
                  <span className="visually-hidden">[新增：</span>
                  {part.text}
                  <span className="visually-hidden">]</span>
                </ins>
              ) : part.kind === "delete" ? (
                <del key={index}>
                  <span className="visually-hidden">[删除：</span>
                  {part.text}
                  <span className="visually-hidden">]</span>
                </del>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </p>
        </div>
      ))}
    </section>
  );
}
