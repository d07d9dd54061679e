/** Role labels a byline or an author's default most often carries; the fields accept any other. */
export const BYLINE_ROLE_SUGGESTIONS = ["本报记者", "记者", "通讯员", "实习生", "摄影", "特约记者", "见习记者"];

/** The role label a new byline or author starts with. */
export const DEFAULT_BYLINE_ROLE = BYLINE_ROLE_SUGGESTIONS[0];
