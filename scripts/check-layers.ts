// npm run lint's layering step: prints the violations of scripts/layer-rules.ts and exits 1 when there are any.
// Usage: tsx scripts/check-layers.ts [root]   (root defaults to the current directory)
import path from "node:path";
import { checkTree, formatReport } from "./layer-rules";

const report = checkTree(path.resolve(process.argv[2] ?? "."));
const text = formatReport(report);
if (report.violations.length > 0) {
  console.error(text);
  process.exit(1);
}
console.log(text);
