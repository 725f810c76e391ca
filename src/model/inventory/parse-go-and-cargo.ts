import type { InstalledDependency } from "./installed-dependency.js";
import { splitLines, uniqueDependencies } from "./lockfile-values.js";
import { quotedStrings, readTomlPackageTables } from "./toml-package-tables.js";

/**
 * The `require` lines of a `go.mod`: the module versions the build uses (Go's minimal version selection
 * makes go.mod, not go.sum, the record of them). `// indirect` marks a transitive one.
 */
export function parseGoModRequires(text: string): InstalledDependency[] {
  const found: InstalledDependency[] = [];
  let inBlock = false;
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    if (inBlock) {
      if (line.startsWith(")")) {
        inBlock = false;
        continue;
      }
      addRequirement(found, line);
      continue;
    }
    if (/^require\s*\(\s*(?:\/\/.*)?$/.test(line)) {
      inBlock = true;
      continue;
    }
    const single = /^require\s+(.+)$/.exec(line);
    if (single?.[1]) addRequirement(found, single[1]);
  }
  return uniqueDependencies(found);
}

function addRequirement(found: InstalledDependency[], line: string): void {
  const match = /^"?([^\s"]+)"?\s+(v[^\s]+)\s*(\/\/.*)?$/.exec(line);
  if (!match?.[1] || !match[2]) return;
  const indirect = /\/\/\s*indirect\b/.test(match[3] ?? "");
  found.push({ name: match[1], version: match[2], ecosystem: "go", direct: !indirect });
}

/**
 * The crates of a `Cargo.lock`. Crates without a `source` are the workspace's own; the crates they list in
 * `dependencies` are the direct ones.
 */
export function parseCargoLock(text: string): InstalledDependency[] {
  const tables = readTomlPackageTables(text);
  const local = new Set<string>();
  const direct = new Set<string>();
  for (const table of tables) {
    if (table.strings.has("source")) continue;
    const name = table.strings.get("name");
    if (name) local.add(name);
    // Entries are "name" or "name version" (or "name version (source)") when several versions are locked.
    for (const entry of quotedStrings(table.raw.get("dependencies") ?? "")) direct.add(entry.split(" ")[0] ?? entry);
  }
  const found: InstalledDependency[] = [];
  for (const table of tables) {
    const name = table.strings.get("name");
    const version = table.strings.get("version");
    if (!name || !version || !table.strings.has("source")) continue;
    found.push({ name, version, ecosystem: "rust", ...(local.size > 0 ? { direct: direct.has(name) } : {}) });
  }
  return uniqueDependencies(found);
}
