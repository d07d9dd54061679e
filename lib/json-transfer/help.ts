// Help text of `cms import --json`, for the import command to include in its --help.

export const jsonImportHelp = `  --json FILE   Read a newsdesk export (written by \`cms export\`, version 1 or 2) into an EMPTY
                database: no articles, channels, authors or photos yet (user accounts may exist).
                The whole file is checked first, each photo's original too (base64, size, sha256,
                a real image of the stated type, never SVG), then written in one transaction: a
                broken or foreign file, or any failure, writes nothing, not even photo files.
                Ids, times, versions, revision numbers and snapshots, byline order, related
                entries, photos (with their folders) and 题图 are kept, so links and URLs stay the
                same. After the commit every photo's variants are made from its original, with
                progress; one that fails is listed (cms media:rebuild --pending retries it).
                Users and the audit log are not in an export: authorship is matched to accounts
                by email, and an email without an account gets a disabled account with no
                password (give it one with \`cms user:password\`, then \`cms user:enable\`).`;
