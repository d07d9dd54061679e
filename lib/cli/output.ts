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
