// How long-running library work (imports, exports, backups, migrations, rebuilds) tells its caller
// what it does. Only lib/cli prints: library code gets these passed in and is silent without them.

/** One line of what happened. */
export type Report = (line: string) => void;
/** A counter for `total` steps of `label`: call it with the number of steps done. */
export type ProgressFactory = (label: string, total: number) => (done: number) => void;

export const silentReport: Report = () => {};
export const silentProgress: ProgressFactory = () => () => {};
