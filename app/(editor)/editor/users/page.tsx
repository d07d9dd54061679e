import type { Metadata } from "next";
import type { Viewer } from "@/lib/auth/viewer";
import { listAuthorsForSelect, listUsers } from "@/lib/users/manage";
import { PermissionGate } from "../_components/PermissionGate";
import { CreateUserForm } from "./CreateUserForm";
import { UserControls } from "./UserControls";

export const metadata: Metadata = { title: "用户" };

export default function UsersPage() {
  return (
    <PermissionGate action="users.manage" returnTo="/editor/users">
      {(viewer) => <Users viewer={viewer} />}
    </PermissionGate>
  );
}

async function Users({ viewer }: { viewer: Viewer }) {
  const [users, authors] = await Promise.all([listUsers(viewer), listAuthorsForSelect()]);

  return (
    <section aria-labelledby="users-heading">
      <div className="toolbar">
        <h1 id="users-heading">用户</h1>
        <span className="meta">共 {users.length} 人</span>
      </div>
      <CreateUserForm authors={authors} />
      <table className="article-table user-table">
        <caption className="visually-hidden">全部用户</caption>
        <thead>
          <tr>
            <th scope="col">邮箱</th>
            <th scope="col">姓名</th>
            <th scope="col">角色</th>
            <th scope="col">关联作者</th>
            <th scope="col">状态</th>
            <th scope="col">创建时间</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.disabled ? "is-disabled" : undefined}>
              <td>{user.email}</td>
              <td>{user.displayName}</td>
              <td>{user.roleLabel}</td>
              <td>{user.author?.name ?? "—"}</td>
              <td>{user.disabled ? <span className="user-state-disabled">已停用</span> : "正常"}</td>
              <td>{user.createdAt}</td>
              <td>
                <UserControls user={{ id: user.id, email: user.email, role: user.role, disabled: user.disabled }} isSelf={user.id === viewer.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
