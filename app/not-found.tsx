import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="site-main">
      <h1 className="page-title">页面不存在</h1>
      <p>您要找的页面不存在，可能已被删除或地址有误。</p>
      <p>
        <Link href="/">返回首页</Link>
      </p>
    </main>
  );
}
