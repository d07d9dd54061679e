// The layer rules of the README's tree, checked on resolved import paths: app never imports the database client,
// lib never imports app or lib/cli, and no import cycles among lib folders or lib files. Pure except checkTree.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type ImportEdge = {
  /** Importing file, relative to the repository root with "/" separators. */
  from: string;
  specifier: string;
  line: number;
  typeOnly: boolean;
  /** Repository-relative target: the file it resolves to, else the normalised path it names; null for a package or outside the tree. */
  target: string | null;
  resolved: boolean;
  /** Package name for a bare specifier ("@prisma/client", "node:fs"). */
  packageName: string | null;
};

export type LayerRule = "app-imports-db" | "lib-imports-app" | "lib-imports-cli";

export type Violation = { rule: LayerRule; edge: ImportEdge } | { rule: "lib-folder-cycle" | "lib-file-cycle"; members: string[]; cycle: string[]; edges: ImportEdge[] };

export type Report = { files: number; imports: number; violations: Violation[] };

export const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

/** Folders never scanned: dependencies, generated code, build output, runtime data and test scratch space. */
export const SKIPPED_PATHS = ["node_modules", ".git", "lib/generated", "data", "tests/.tmp", "bench/.tmp", "test-results", "playwright-report"];

const DATABASE_PACKAGES = ["@prisma/", ".prisma/", "prisma", "better-sqlite3"];

const RULE_TEXT: Record<LayerRule, string> = {
  "app-imports-db": "app/ never imports the database client (lib/db, lib/generated, Prisma, better-sqlite3): call a lib/ function that returns a DTO",
  "lib-imports-app": "lib/ never imports from app/: lib is called by app, the CLI and tests, never the other way round",
  "lib-imports-cli": "lib/ never imports lib/cli: the CLI calls lib; lib reports through return values, errors and callbacks",
};

/** Every import of one file: static imports and re-exports, import = require(), import(), require() and import("…") types. */
export function parseImports(file: string, text: string): { specifier: string; line: number; typeOnly: boolean }[] {
  const kind = file.endsWith(".tsx") || file.endsWith(".jsx") ? ts.ScriptKind.TSX : file.match(/\.[mc]?js$/) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: { specifier: string; line: number; typeOnly: boolean }[] = [];
  const add = (node: ts.Node | undefined, typeOnly: boolean) => {
    if (!node || !(ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return;
    found.push({ specifier: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly ?? false);
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node.isTypeOnly);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true);
    else if (ts.isCallExpression(node) && node.arguments.length >= 1) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")) add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Resolves a specifier the way tsconfig does here ("@/…" is the repository root); `exists` answers for repository-relative files. */
export function resolveImport(from: string, specifier: string, exists: (file: string) => boolean): Pick<ImportEdge, "target" | "resolved" | "packageName"> {
  let base: string;
  if (specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../")) {
    base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  } else if (specifier.startsWith("@/")) {
    base = path.posix.normalize(specifier.slice(2));
  } else {
    const parts = specifier.split("/");
    return { target: null, resolved: false, packageName: specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0] };
  }
  base = base.replace(/\/$/, "");
  if (base === ".." || base.startsWith("../")) return { target: null, resolved: false, packageName: null };
  const withoutJs = base.replace(/\.(m|c)?jsx?$/, "");
  const candidates = [
    base,
    ...SOURCE_EXTENSIONS.map((extension) => base + extension),
    ...SOURCE_EXTENSIONS.map((extension) => withoutJs + extension),
    ...SOURCE_EXTENSIONS.map((extension) => `${base}/index${extension}`),
  ];
  const hit = candidates.find((candidate) => candidate !== "." && exists(candidate));
  return { target: hit ?? base, resolved: hit !== undefined, packageName: null };
}

const under = (file: string, folder: string) => file === folder || file.startsWith(`${folder}/`);
const isDatabaseFile = (file: string) => file === "lib/db" || file.startsWith("lib/db.") || under(file, "lib/db") || under(file, "lib/generated");
const isDatabasePackage = (name: string) => DATABASE_PACKAGES.some((prefix) => (prefix.endsWith("/") ? name.startsWith(prefix) : name === prefix));

/** The lib "module" a file belongs to: its folder under lib/, or the file itself for lib/*.ts. */
export function libModuleOf(file: string): string | null {
  if (!under(file, "lib") || under(file, "lib/generated")) return null;
  const parts = file.split("/");
  return parts.length > 2 ? `lib/${parts[1]}` : file;
}

function layerViolations(edge: ImportEdge): LayerRule[] {
  const rules: LayerRule[] = [];
  if (under(edge.from, "app") && ((edge.target !== null && isDatabaseFile(edge.target)) || (edge.packageName !== null && isDatabasePackage(edge.packageName)))) {
    rules.push("app-imports-db");
  }
  if (under(edge.from, "lib") && edge.target !== null && under(edge.target, "app")) rules.push("lib-imports-app");
  if (under(edge.from, "lib") && !under(edge.from, "lib/cli") && edge.target !== null && under(edge.target, "lib/cli")) rules.push("lib-imports-cli");
  return rules;
}

/** Strongly connected components with more than one member (Tarjan), members sorted, components in order of their first member. */
function tangles(nodes: string[], next: (node: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const target of next(node)) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const members: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      members.push(member);
    } while (member !== node);
    if (members.length > 1) found.push(members.sort());
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) connect(node);
  return found.sort((a, b) => a[0].localeCompare(b[0]));
}

/** Shortest cycle through the first member, as a closed path [a, b, …, a]. */
function shortestCycle(members: string[], next: (node: string) => string[]): string[] {
  const inside = new Set(members);
  const start = members[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const target of next(node)) {
      if (!inside.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]) as string);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}

function cycleViolations(rule: "lib-folder-cycle" | "lib-file-cycle", edges: ImportEdge[], nodeOf: (file: string) => string | null): Violation[] {
  const inner = edges.filter((edge) => edge.target !== null && nodeOf(edge.from) !== null && nodeOf(edge.target) !== null && nodeOf(edge.from) !== nodeOf(edge.target));
  const next = new Map<string, Set<string>>();
  for (const edge of inner) {
    const from = nodeOf(edge.from) as string;
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)?.add(nodeOf(edge.target as string) as string);
  }
  const nextOf = (node: string) => [...(next.get(node) ?? [])].sort();
  return tangles([...next.keys()], nextOf).map((members) => {
    const inside = new Set(members);
    return {
      rule,
      members,
      cycle: shortestCycle(members, nextOf),
      edges: inner.filter((edge) => inside.has(nodeOf(edge.from) as string) && inside.has(nodeOf(edge.target as string) as string)),
    };
  });
}

/** All violations of the import graph, in a stable order: layer rules by file and line, then folder cycles, then file cycles. */
export function findViolations(edges: ImportEdge[]): Violation[] {
  const sorted = [...edges].sort((a, b) => a.from.localeCompare(b.from) || a.line - b.line);
  const layered: Violation[] = sorted.flatMap((edge) => layerViolations(edge).map((rule) => ({ rule, edge })));
  const libFile = (file: string) => (libModuleOf(file) === null ? null : file);
  return [...layered, ...cycleViolations("lib-folder-cycle", sorted, libModuleOf), ...cycleViolations("lib-file-cycle", sorted, libFile)];
}

/** Checks an in-memory tree: repository-relative path → source text. */
export function checkSources(sources: Record<string, string>): Report {
  const files = Object.keys(sources).filter((file) => SOURCE_EXTENSIONS.some((extension) => file.endsWith(extension)));
  const exists = (file: string) => Object.hasOwn(sources, file);
  const edges = files.flatMap((from) => parseImports(from, sources[from]).map((found) => ({ from, ...found, ...resolveImport(from, found.specifier, exists) })));
  return { files: files.length, imports: edges.length, violations: findViolations(edges) };
}

/** Source files under root, repository-relative, without SKIPPED_PATHS and Next's build folders (.next, .next-e2e …). */
export function listSourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const file = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_PATHS.includes(file) && !entry.name.startsWith(".next") && entry.name !== "node_modules") walk(file);
      } else if (entry.isFile() && SOURCE_EXTENSIONS.some((extension) => entry.name.endsWith(extension))) {
        files.push(file);
      }
    }
  };
  walk("");
  return files.sort();
}

/** Checks the tree on disk under root. Generated files count as existing targets, so `@/lib/generated/…` still resolves. */
export function checkTree(root: string): Report {
  const sources: Record<string, string> = {};
  for (const file of listSourceFiles(root)) sources[file] = fs.readFileSync(path.join(root, file), "utf8");
  const exists = (file: string) => Object.hasOwn(sources, file) || (fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.isFile() ?? false);
  const files = Object.keys(sources);
  const edges = files.flatMap((from) => parseImports(from, sources[from]).map((found) => ({ from, ...found, ...resolveImport(from, found.specifier, exists) })));
  return { files: files.length, imports: edges.length, violations: findViolations(edges) };
}

const describeEdge = (edge: ImportEdge) => `${edge.from}:${edge.line} imports ${edge.target ?? edge.packageName} ("${edge.specifier}"${edge.typeOnly ? ", type only" : ""})`;

/** The report as English text: one section per rule, one line per offending import. */
export function formatReport(report: Report): string {
  if (report.violations.length === 0) return `check-layers: ${report.files} files, ${report.imports} imports: the layer rules hold, no import cycles in lib/.`;
  const lines = [
    `check-layers: ${report.violations.length} violation${report.violations.length === 1 ? "" : "s"} of the layer rules (${report.files} files, ${report.imports} imports).`,
  ];
  for (const rule of Object.keys(RULE_TEXT) as LayerRule[]) {
    const found = report.violations.flatMap((violation) => (violation.rule === rule && "edge" in violation ? [violation.edge] : []));
    if (found.length === 0) continue;
    lines.push("", `${RULE_TEXT[rule]}:`, ...found.map((edge) => `  ${describeEdge(edge)}`));
  }
  for (const violation of report.violations) {
    if (!("members" in violation)) continue;
    const what = violation.rule === "lib-folder-cycle" ? "lib folders" : "lib files";
    lines.push(
      "",
      `Import cycle among ${what} ${violation.members.join(", ")} (for example ${violation.cycle.join(" → ")}); make the imports point one way. Imports between them:`,
      ...violation.edges.map((edge) => `  ${describeEdge(edge)}`),
    );
  }
  return lines.join("\n");
}
