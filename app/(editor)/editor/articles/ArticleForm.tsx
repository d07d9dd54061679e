"use client";
import Link from "next/link";
import { unstable_isUnrecognizedActionError, useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import type { ArticleInput, SaveIntent } from "@/lib/articles/schema";
import type { PhotoDto } from "@/lib/media/dto";
import { TIME_ZONE } from "@/lib/text/time";
import { saveArticleAction } from "./actions";
import { BylinesField } from "./BylinesField";
import type { WorkflowButtons } from "./form-options";
import { LeadPhotoField } from "./LeadPhotoField";
import { PicksField, type Suggestion } from "./PicksField";
import { RichTextEditor } from "./RichTextEditor";
import { useLeadPhoto } from "./use-lead-photo";
import { useLocalDraft } from "./use-local-draft";
import { usePresence } from "./use-presence";

const FLASH_KEY = "newsdesk.flash";

type ArticleMeta = { id: number; version: number; state: { key: string; label: string }; updatedAt: string; updatedBy: string };
type Conflict = { savedBy: string; savedAt: string; currentVersion: number };
type Props = {
  article: ArticleMeta | null;
  initialInput: ArticleInput;
  /** The 题图 as the library has it, for its preview and 摄影. */
  leadPhoto?: PhotoDto | null;
  channels: { id: number; name: string }[];
  buttons: WorkflowButtons;
  suggestions?: Suggestion[];
};

const UPGRADED = "编辑系统刚刚更新，这次没有保存：请刷新页面后再保存。您输入的内容已存在本机，刷新后选择恢复即可。";
const UNREACHABLE = "没有保存：网络或服务器暂时不可用，请稍后再试。您输入的内容仍在页面上。";

export function ArticleForm({ article, initialInput, leadPhoto = null, channels, buttons, suggestions = [] }: Props) {
  const router = useRouter();
  const [input, setInput] = useState(initialInput);
  const [bodyKey, setBodyKey] = useState(0);
  const [baseVersion, setBaseVersion] = useState(article?.version ?? 0);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(initialInput));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pending, startTransition] = useTransition();
  const [bodyUploading, setBodyUploading] = useState(false);
  const [leadUploading, setLeadUploading] = useState(false);
  const uploading = bodyUploading || leadUploading;
  const lead = useLeadPhoto(leadPhoto, input.lead?.photoId ?? null);
  const draft = useLocalDraft(`newsdesk.draft.${article?.id ?? "new"}`, input, savedJson, article?.updatedAt ?? null);
  const otherEditors = usePresence(article?.id ?? null);
  const dirty = JSON.stringify(input) !== savedJson || lead.creditChanged;

  useEffect(() => {
    // A message carried over from the save that led to this version of the form.
    const flash = sessionStorage.getItem(FLASH_KEY);
    if (flash) setMessage({ ok: true, text: flash });
    sessionStorage.removeItem(FLASH_KEY);
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const set = <K extends keyof ArticleInput>(key: K, value: ArticleInput[K]) => setInput((current) => ({ ...current, [key]: value }));

  function submit(intent: SaveIntent, version = baseVersion) {
    startTransition(async () => {
      let credit: Awaited<ReturnType<typeof lead.saveCredit>>;
      let result: Awaited<ReturnType<typeof saveArticleAction>>;
      try {
        // The 摄影 belongs to the photo: saved first, so the article's pages show the new credit.
        credit = await lead.saveCredit();
        if (credit && !credit.ok) {
          setMessage({ ok: false, text: credit.message });
          setErrors(creditErrors(credit.fieldErrors, credit.message));
          return;
        }
        result = await saveArticleAction({ articleId: article?.id ?? null, baseVersion: version, intent, input });
      } catch (error) {
        // A new version of the site was deployed (this page's action ids are gone), or no server answered.
        draft.keep();
        setMessage({ ok: false, text: unstable_isUnrecognizedActionError(error) ? UPGRADED : UNREACHABLE });
        return;
      }
      const creditOnly = result.ok && !result.data.changed && credit?.ok;
      setMessage({ ok: result.ok, text: creditOnly && credit ? credit.message : result.message });
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setConflict(result.ok ? null : (result.conflict ?? null));
      if (!result.ok) return;
      draft.clear();
      setSavedJson(JSON.stringify(input));
      setBaseVersion(result.data.version);
      // The page remounts this form for the new version (keyed by version), so the message travels.
      sessionStorage.setItem(FLASH_KEY, result.message);
      if (article) router.refresh();
      else router.replace(`/editor/articles/${result.data.articleId}`);
    });
  }

  function restoreDraft() {
    if (!draft.offer) return;
    // Drafts kept before the 题图 existed have no `lead`.
    const restored = draft.offer.input as ArticleInput;
    setInput({ ...restored, lead: restored.lead ?? null });
    setBodyKey((key) => key + 1);
    draft.accept();
    setMessage({ ok: true, text: "已恢复本地草稿，请检查后保存" });
  }

  const error = (field: string) =>
    errors[field] ? (
      <p className="field-error" id={`error-${field}`}>
        {errors[field]}
      </p>
    ) : null;
  const described = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `error-${field}` } : {});

  return (
    <form
      className="article-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit("save");
      }}
      noValidate
    >
      <div className="toolbar">
        <h1>{article ? "编辑文章" : "新建文章"}</h1>
        {article && <span className={`status status-${article.state.key}`}>{article.state.label}</span>}
        {article && (
          <span className="meta">
            第 {baseVersion} 版 · {article.updatedBy} 最后修改
          </span>
        )}
        {article && (
          <Link href={`/editor/articles/${article.id}/preview`} target="_blank">
            预览
          </Link>
        )}
        {article && <Link href={`/editor/articles/${article.id}/revisions`}>修订记录</Link>}
      </div>

      {!buttons.editable && (
        <p className="notice" role="note">
          这篇文章已发布或归档，只有编辑可以修改。
        </p>
      )}
      {otherEditors.length > 0 && (
        <p className="notice" role="status">
          {otherEditors.join("、")} 正在编辑
        </p>
      )}
      {draft.offer && (
        <div className="notice" role="alert">
          <p>发现 {new Date(draft.offer.savedAt).toLocaleString("zh-CN", { timeZone: TIME_ZONE, hour12: false })} 的本地草稿，比已保存的版本更新。</p>
          <button type="button" onClick={restoreDraft}>
            恢复草稿
          </button>{" "}
          <button type="button" onClick={draft.dismiss}>
            丢弃草稿
          </button>
        </div>
      )}
      <div aria-live="polite">
        {message && (
          <p className={message.ok ? "form-message ok" : "form-message error"} role={message.ok ? "status" : "alert"}>
            {message.text}
            {conflict && article && (
              <>
                {" "}
                <Link href={`/editor/articles/${article.id}/revisions?from=${baseVersion}&to=${conflict.currentVersion}`} target="_blank">
                  查看差异
                </Link>{" "}
                <button type="button" onClick={() => submit("save", conflict.currentVersion)}>
                  仍然覆盖保存
                </button>
              </>
            )}
          </p>
        )}
      </div>

      <div className="field">
        <label htmlFor="title">标题</label>
        <input id="title" value={input.title} onChange={(event) => set("title", event.target.value)} required {...described("title")} />
        {error("title")}
      </div>
      <div className="field">
        <label htmlFor="subtitle">副标题</label>
        <input id="subtitle" value={input.subtitle} onChange={(event) => set("subtitle", event.target.value)} {...described("subtitle")} />
        {error("subtitle")}
      </div>
      <div className="field">
        <label htmlFor="summary">摘要</label>
        <textarea
          id="summary"
          rows={3}
          value={input.summary}
          placeholder="留空则自动取正文开头"
          onChange={(event) => set("summary", event.target.value)}
          {...described("summary")}
        />
        {error("summary")}
      </div>
      <LeadPhotoField lead={input.lead} onChange={(next) => set("lead", next)} photo={lead} errors={errors} onBusyChange={setLeadUploading} />
      <div className="field">
        <span className="label" id="body-label">
          正文
        </span>
        <RichTextEditor
          key={bodyKey}
          html={input.bodyHtml}
          onChange={(html) => set("bodyHtml", html)}
          labelId="body-label"
          describedBy={errors.bodyHtml ? "error-bodyHtml" : undefined}
          onBusyChange={setBodyUploading}
        />
        {error("bodyHtml")}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="channel">栏目</label>
          <select
            id="channel"
            value={input.channelId ?? ""}
            onChange={(event) => set("channelId", event.target.value ? Number(event.target.value) : null)}
            {...described("channelId")}
          >
            <option value="">（无栏目）</option>
            {channels.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
              </option>
            ))}
          </select>
          {error("channelId")}
        </div>
        <div className="field">
          <label htmlFor="source">来源</label>
          <input id="source" value={input.source} onChange={(event) => set("source", event.target.value)} {...described("source")} />
          {error("source")}
        </div>
        <div className="field">
          <label htmlFor="publishedAt">发布时间</label>
          <input
            id="publishedAt"
            type="datetime-local"
            value={input.publishedAt.replace(" ", "T")}
            onChange={(event) => set("publishedAt", event.target.value.replace("T", " "))}
            aria-describedby="publishedAt-hint"
            {...described("publishedAt")}
          />
          <span className="hint" id="publishedAt-hint">
            北京时间；晚于现在则定时发布，留空则发布时取当前时间
          </span>
          {error("publishedAt")}
        </div>
      </div>
      <BylinesField bylines={input.bylines} onChange={(bylines) => set("bylines", bylines)} errors={errors} />
      <PicksField picks={input.picks} onChange={(picks) => set("picks", picks)} errors={errors} suggestions={suggestions} />

      <div className="form-actions">
        {buttons.editable && (
          <button type="submit" className="primary" disabled={pending || uploading}>
            保存
          </button>
        )}
        {buttons.submit && (
          <button type="button" disabled={pending || uploading} onClick={() => submit("submit")}>
            提交审核
          </button>
        )}
        {buttons.publish && (
          <button type="button" className="publish" disabled={pending || uploading} onClick={() => submit("publish")}>
            发布
          </button>
        )}
        {buttons.unpublish && (
          <button type="button" disabled={pending || uploading} onClick={() => submit("unpublish")}>
            撤稿
          </button>
        )}
        {buttons.archive && (
          <button type="button" disabled={pending || uploading} onClick={() => submit("archive")}>
            归档
          </button>
        )}
        {pending && (
          <span className="meta" role="status">
            正在保存…
          </span>
        )}
        {!pending && uploading && <span className="meta">图片上传中，完成后才能保存</span>}
        {!pending && !uploading && dirty && <span className="meta">有未保存的修改</span>}
      </div>
    </form>
  );
}

/** The photo action's field errors (creditText, creditAuthorId) shown at the 题图's 摄影. */
function creditErrors(fieldErrors: Record<string, string> | undefined, message: string): Record<string, string> {
  const text = fieldErrors?.creditText ?? fieldErrors?.creditAuthorId ?? message;
  return { "lead.credit": text };
}
