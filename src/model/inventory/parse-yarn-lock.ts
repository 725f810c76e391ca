import type { InstalledDependency } from "./installed-dependency.js";
import { splitAtVersion, splitLines, uniqueDependencies } from "./lockfile-values.js";

/**
 * The packages of a `yarn.lock`, classic (v1: `version "1.2.3"`) or Berry (v2+: `version: 1.2.3`). Neither
 * says which packages the project asked for; `direct` is left unknown. Workspace packages are left out.
 */
export function parseYarnLock(text: string): InstalledDependency[] {
  const found: InstalledDependency[] = [];
  let name: string | undefined;
  for (const line of splitLines(text)) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      name = line.endsWith(":") ? entryName(line.slice(0, -1)) : undefined;
      continue;
    }
    const version = /^\s+version:?\s+"?([^"\s]+)"?\s*$/.exec(line)?.[1];
    if (name !== undefined && version !== undefined) {
      found.push({ name, version, ecosystem: "npm" });
      name = undefined;
    }
  }
  return uniqueDependencies(found);
}

/** `"@babel/core@^7.0.0", "@babel/core@npm:^7.1.0"` → `@babel/core`; `__metadata` and `workspace:` → undefined. */
function entryName(header: string): string | undefined {
  const first = header.split(",")[0]?.trim().replace(/^"|"$/g, "") ?? "";
  const split = splitAtVersion(first);
  if (split === undefined || /^workspace:|^link:|^portal:|^file:/.test(split.rest)) return undefined;
  return split.name;
}
