// Help text of `cms import --json`, for the import command to include in its --help.

export const jsonImportHelp = `  --json FILE   Read a newsdesk export (written by \`cms export\`) into an EMPTY database: no
                articles, channels or authors yet (user accounts may exist). The whole file is
                checked first, then written in one transaction: a broken or foreign file, or any
                failure, writes nothing. Ids, times, versions, revision numbers and snapshots,
                byline order and related entries are kept, so links and URLs stay the same.
                Users and the audit log are not in an export: authorship is matched to accounts
                by email, and an email without an account gets a disabled account with no
                password (give it one with \`cms user:password\`, then \`cms user:enable\`).`;
