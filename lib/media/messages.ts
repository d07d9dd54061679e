// Every Simplified Chinese text of the photo module, by code: lib throws codes, this file has the
// words (the project-wide message catalog can take this table over as it is).

export const MEDIA_MESSAGES = {
  "file.empty": "文件是空的，请重新选择图片",
  "file.tooLarge": "图片文件太大：每张最大 {maxMegabytes} MB",
  "file.svg": "不支持 SVG 矢量图：它可以包含脚本。请上传 JPEG、PNG、WebP、GIF 或 AVIF 图片",
  "file.unsupported": "不支持这种文件：只能上传 JPEG、PNG、WebP、GIF 或 AVIF 图片",
  "file.damaged": "图片文件已损坏或不完整，无法读取，请重新导出后再上传",
  "file.tooManyPixels": "图片尺寸过大（{width}×{height}）：最多 {maxMegapixels} 百万像素，请缩小后再上传",
  "media.busy": "正在处理的图片太多，请稍后再试",
  "media.failed": "图片处理失败，请稍后再试",
  "photo.notFound": "找不到这张图片，或您没有查看它的权限",
  "photo.forbidden": "没有权限修改这张图片",
  "photo.deleteForbidden": "只有编辑和管理员可以删除图片",
  "photo.replaceInUse": "这张图片已被文章使用，只有编辑和管理员可以替换它",
  "photo.inUse": "这张图片正被 {count} 篇文章使用，不能删除",
  "photo.invalid": "请修改标出的内容后再保存",
  "request.signedOut": "登录已失效，请重新登录后再上传",
  "request.invalid": "请求无效",
} as const;

export type MediaMessageCode = keyof typeof MEDIA_MESSAGES;
export type MessageParams = Record<string, string | number>;

/** The message for a code, with `{name}` placeholders filled in. */
export function mediaMessage(code: MediaMessageCode, params: MessageParams = {}): string {
  return MEDIA_MESSAGES[code].replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}

/** Messages next to the fields of the photo form (lib/media/schema.ts). */
export const PHOTO_FIELD_MESSAGES = {
  photoId: "请求无效",
  caption: "图说最多 500 个字",
  alt: "替代文字最多 200 个字",
  creditAuthorId: "请选择作者",
  creditAuthorMissing: "找不到所选的作者",
  creditText: "摄影最多 40 个字",
  creditBoth: "摄影请选择作者或填写姓名，二者选一",
  creditKind: "请选择类型：摄、供图或资料图",
  sourceOrg: "来源单位最多 60 个字",
  focal: "焦点应在图片之内",
  maxUploadMegabytes: "上传大小上限应为 1 到 200 之间的整数（MB）",
} as const;

/** Field labels of the photo form, as product.md names them. */
export const PHOTO_FIELD_LABELS = {
  caption: "图说",
  alt: "替代文字",
  credit: "摄影",
  creditKind: "类型",
  sourceOrg: "来源单位",
  focal: "焦点",
  maxUploadMegabytes: "图片上传大小上限（MB）",
} as const;

/** The kinds of credit and how the paper prints them after the name (lib/media/credit.ts). */
export const CREDIT_KIND_LABELS = { shot: "摄", supplied: "供图", archive: "资料图" } as const;

/** After a value that is the default, in the audit log of a settings change. */
export const DEFAULT_MARK = "（默认）";

/** Between the names of changed fields in the audit log. */
export const LIST_SEPARATOR = "、";
