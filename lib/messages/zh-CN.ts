// The Simplified Chinese words of newsdesk, by code: messages of forms, actions and errors, labels of
// fields, roles, workflow states and audit actions. lib and the actions name a code; only this file
// says it. No imports, so it is safe in client components too.

type Count = { count: number };
type Name = { name: string };
type Email = { email: string };
type Change = { from: string; to: string };

export const zhCN = {
  // Forms and requests
  "form.invalid": "请修改标出的内容后再提交",
  "form.invalidSave": "请修改标出的内容后再保存",
  "form.signedOut": "登录已失效，请在新标签页重新登录后再保存（表单内容不会丢失）",
  "form.failed": "操作失败，请稍后再试。您的内容没有丢失。",
  "form.unchanged": "没有需要保存的修改",
  "form.stale": ({ savedBy, savedAt, version }: { savedBy: string; savedAt: string; version: number }) =>
    `保存未成功：${savedBy} 于 ${savedAt} 保存了更新的版本（第 ${version} 版）。您的修改仍在表单中。`,
  "form.forbidden": "没有权限执行此操作",
  "request.invalid": "请求无效",

  // What the zod error map says about a field (lib/messages/zod.ts), with its label
  "zod.required": ({ label }: { label: string }) => `请填写${label}`,
  "zod.choose": ({ label }: { label: string }) => `请选择${label}`,
  "zod.invalid": ({ label }: { label: string }) => `${label}无效`,
  "zod.tooLong": ({ label }: { label: string }) => `${label}太长`,
  "zod.atLeast": ({ label, limit, unit }: { label: string; limit: number; unit: string }) => `${label}至少 ${limit} ${unit}`,
  "zod.atMost": ({ label, limit, unit }: { label: string; limit: number; unit: string }) => `${label}最多 ${limit} ${unit}`,
  "zod.email": "请输入有效的邮箱地址",
  "unit.chars": "个字",
  "unit.letters": "个字符",
  "unit.people": "位",
  "unit.entries": "条",

  // Field labels: form fields, revision comparison, settings
  "field.title": "标题",
  "field.subtitle": "副标题",
  "field.summary": "摘要",
  "field.body": "正文",
  "field.source": "来源",
  "field.channel": "栏目",
  "field.bylines": "署名",
  "field.picks": "新闻推荐",
  "field.status": "状态",
  "field.publishedAt": "发布时间",
  "field.bylineAuthor": "作者姓名",
  "field.roleLabel": "署名身份",
  "field.pickTitle": "推荐标题",
  "field.pickExcerpt": "推荐摘要",
  "field.url": "链接",
  "field.email": "邮箱",
  "field.password": "密码",
  "field.name": "姓名",
  "field.role": "角色",
  "field.defaultRoleLabel": "默认署名身份",
  "field.bio": "简介",
  "field.mergeSource": "要并入的作者",
  "field.channelName": "栏目名称",
  "field.slug": "栏目地址",
  "field.tagline": "标语",
  "field.siteName": "网站名称",
  "field.defaultSource": "默认来源",
  "field.siteUrl": "网站地址",

  // Roles and workflow states
  "role.reporter": "记者",
  "role.editor": "编辑",
  "role.admin": "管理员",
  "state.draft": "草稿",
  "state.review": "待审",
  "state.scheduled": "定时",
  "state.published": "已发布",
  "state.archived": "已归档",

  // Sign-in
  "signIn.provider": "邮箱和密码",
  "signIn.wrongCredentials": "邮箱或密码不正确",
  "signIn.throttled": ({ until }: { until: string }) => `登录失败次数过多，请在 ${until} 之后再试`,

  // Articles and revisions
  "article.notFound": "找不到这篇文章，或您没有查看它的权限",
  "article.stale": "这篇文章已被他人修改",
  "article.channelMissing": "栏目不存在",
  "article.pickUnavailable": "推荐的文章不存在或尚未发布",
  "article.pickTargetOrTitle": "请选择文章或填写推荐标题",
  "article.urlScheme": "链接须以 http:// 或 https:// 开头",
  "article.publishedAtFormat": "发布时间格式应为 2020-03-02 11:09",
  "article.imported": "导入",
  "article.someoneElse": "其他人",
  "revision.notFound": "找不到这个版本",
  "revision.pairNotFound": "找不到要比较的版本",

  // Authors
  "author.notFound": "找不到该作者",
  "author.missing": "作者不存在，请重新选择",
  "author.unknown": "未知作者",
  "author.mergeIntoSelf": "不能把作者并入自己",
  "author.mergeSourceMissing": "要并入的作者不存在，请刷新后重试",

  // Channels
  "channel.notFound": "找不到该栏目",
  "channel.nameTaken": "已有同名栏目",
  "channel.slugTaken": "该地址已被使用",
  "channel.slugHeld": ({ name }: Name) => `该地址已被栏目「${name}」使用`,
  "channel.slugRedirects": ({ name }: Name) => `该地址是栏目「${name}」的旧地址，仍在跳转到该栏目，不能再用`,
  "channel.slugFormat": "栏目地址只能用小写英文字母、数字和连字符（如 pingyin）",
  "channel.slugUnavailable": "无法自动生成栏目地址，请手动填写",
  "channel.notEmpty": ({ name, count }: Name & Count) => `栏目「${name}」下还有 ${count} 篇文章（含草稿和已归档），不能删除。请先把这些文章移到其他栏目。`,

  // Users
  "user.notFound": "找不到该用户",
  "user.emailTaken": "该邮箱已被使用",
  "user.chooseAuthorAgain": "请重新选择作者",
  "user.selfDemoted": "不能取消自己的管理员角色",
  "user.selfDisabled": "不能停用自己的账号",
  "user.lastAdminDemoted": "不能取消最后一位管理员",
  "user.lastAdminDisabled": "不能停用最后一位管理员",

  // Settings
  "settings.siteUrlFormat": "网站地址应为 https://www.example.com 这样的形式，不含路径",
  "settings.default": ({ value }: { value: string }) => `${value}（默认）`,

  // Feeds
  "feed.description": ({ siteName }: { siteName: string }) => `${siteName}最新文章`,

  // Audit log: action labels (by the stored action code), filter errors, event details
  "audit.auth.sign-in": "登录",
  "audit.auth.sign-in-failed": "登录失败",
  "audit.auth.throttled": "登录被限制",
  "audit.article.publish": "发布",
  "audit.article.schedule": "定时发布",
  "audit.article.unpublish": "撤稿",
  "audit.article.archive": "归档",
  "audit.article.restore": "恢复版本",
  "audit.article.import-update": "导入更新",
  "audit.content.import": "导入内容",
  "audit.permission.denied": "越权操作",
  "audit.user.create": "创建用户",
  "audit.user.role": "修改角色",
  "audit.user.password": "重置密码",
  "audit.user.disable": "停用用户",
  "audit.user.enable": "启用用户",
  "audit.author.create": "新建作者",
  "audit.author.update": "修改作者",
  "audit.author.merge": "合并作者",
  "audit.channel.create": "新建栏目",
  "audit.channel.update": "修改栏目",
  "audit.channel.delete": "删除栏目",
  "audit.channel.reorder": "调整栏目顺序",
  "audit.settings.update": "修改站点设置",
  "auditFilter.actor": "请重新选择操作者",
  "auditFilter.day": "日期格式应为 2020-03-02",
  "auditFilter.range": "截止日期不能早于起始日期",
  "auditDetail.authorName": ({ from, to }: Change) => `姓名 ${from} → ${to}`,
  "auditDetail.authorRoleLabel": ({ from, to }: Change) => `默认署名身份 ${from} → ${to}`,
  "auditDetail.authorBio": "简介已修改",
  "auditDetail.authorsMerged": ({ removed, removedId, kept, keptId, articles, users }: { removed: string; removedId: number; kept: string; keptId: number; articles: number; users: number }) =>
    `将「${removed}」(#${removedId}) 并入「${kept}」(#${keptId})：${articles} 篇文章，${users} 个用户`,
  "auditDetail.channelName": ({ from, to }: Change) => `名称 ${from} → ${to}`,
  "auditDetail.channelSlug": ({ from, to }: Change) => `地址 ${from} → ${to}`,
  "auditDetail.channelTagline": "标语已修改",
  "auditDetail.channelMovedUp": ({ name, position }: Name & { position: number }) => `${name}上移至第 ${position} 位`,
  "auditDetail.channelMovedDown": ({ name, position }: Name & { position: number }) => `${name}下移至第 ${position} 位`,

  // What newsroom actions answer
  "action.article.save": "已保存",
  "action.article.submit": "已提交审核",
  "action.article.publish": "已发布",
  "action.article.unpublish": "已撤稿",
  "action.article.archive": "已归档",
  "action.revisionRestored": ({ number, version }: { number: number; version: number }) => `已恢复第 ${number} 版（保存为第 ${version} 版）`,
  "action.revisionUnchanged": "该版本与当前内容相同，无需恢复",
  "action.authorCreated": ({ name }: Name) => `已新建作者 ${name}`,
  "action.authorSaved": ({ name }: Name) => `已保存作者 ${name}`,
  "action.authorsMerged": ({ removed, removedId, kept, articles, users }: { removed: string; removedId: number; kept: string; articles: number; users: number }) =>
    `已将「${removed}」(#${removedId}) 并入「${kept}」：移入 ${articles} 篇文章、${users} 个关联用户`,
  "action.channelCreated": ({ name, slug }: Name & { slug: string }) => `已新建栏目 ${name}（/channels/${slug}）`,
  "action.channelSaved": ({ name }: Name) => `已保存栏目 ${name}`,
  "action.channelMoved": "已调整顺序",
  "action.channelAtEnd": "已经在最前或最后",
  "action.channelDeleted": ({ name }: Name) => `已删除栏目 ${name}`,
  "action.settingsSaved": "已保存站点设置，公开页面已更新",
  "action.userCreated": ({ email, role }: Email & { role: string }) => `已创建用户 ${email}（${role}）`,
  "action.roleChanged": ({ email, role }: Email & { role: string }) => `已将 ${email} 的角色改为${role}`,
  "action.roleUnchanged": "角色没有变化",
  "action.ownPasswordReset": "密码已重置，请用新密码重新登录",
  "action.passwordReset": ({ email }: Email) => `已重置 ${email} 的密码，其现有登录已失效`,
  "action.userDisabled": ({ email }: Email) => `已停用 ${email}，其现有登录已失效`,
  "action.userEnabled": ({ email }: Email) => `已启用 ${email}`,
  "action.userAlreadyDisabled": "该用户已是停用状态",
  "action.userAlreadyEnabled": "该用户已是正常状态",
} satisfies Record<string, string | ((params: never) => string)>;
