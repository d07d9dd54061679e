// CLI output: English messages on stdout, progress on long work. The only printer of lib.

export function info(message: string): void {
  process.stdout.write(`${message}\n`);
}

/** A progress line that rewrites itself on a terminal and prints every 10% otherwise. */
export function progress(label: string, total: number) {
  let lastDecile = -1;
  return (done: number) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (process.stdout.isTTY) {
      process.stdout.write(`\r${label}: ${done}/${total} (${percent}%)${done >= total ? "\n" : ""}`);
    } else if (Math.floor(percent / 10) !== lastDecile || done >= total) {
      lastDecile = Math.floor(percent / 10);
      info(`${label}: ${done}/${total} (${percent}%)`);
    }
  };
}

/** After a change readers see: the change recorded its cache tags with it (lib/site/tag-events). */
export function reportPublicRefresh(pages: number): void {
  if (pages > 0) info(`public pages: ${pages} cache tag${pages === 1 ? "" : "s"} recorded; every running server shows the change within a second`);
}
