/** What a signed-in person sees on a newsroom page their role does not allow (lib refuses the data too). */
export function NoPermission() {
  return <p className="notice" role="alert">没有权限访问此页面</p>;
}
