import { parse } from "yaml";
import type { InstalledDependency } from "./installed-dependency.js";
import { isRecord, splitAtVersion, stringOf, uniqueDependencies } from "./lockfile-values.js";

const DEPENDENCY_SECTIONS = ["dependencies", "devDependencies", "optionalDependencies"] as const;

/**
 * The packages of a `pnpm-lock.yaml` (lockfile versions 5 to 9). The root importer (`importers["."]`, or the
 * top-level sections of version 5) names the direct dependencies; every other package is transitive.
 */
export function parsePnpmLock(text: string): InstalledDependency[] {
  const lock = parseYaml(text);
  if (!isRecord(lock)) return [];
  const importers = isRecord(lock.importers) ? lock.importers : undefined;
  const rootImporter = importers === undefined ? lock : importers["."];
  const found: InstalledDependency[] = [];
  if (isRecord(rootImporter)) {
    for (const section of DEPENDENCY_SECTIONS) {
      const dependencies = rootImporter[section];
      if (!isRecord(dependencies)) continue;
      for (const [name, entry] of Object.entries(dependencies)) {
        const version = cleanVersion(isRecord(entry) ? entry.version : entry);
        // `link:` and `workspace:` versions point at folders of the repository, not installed packages.
        if (version === undefined || /^(?:link|file|workspace):/.test(version)) continue;
        found.push({
          name,
          version,
          ecosystem: "npm",
          direct: true,
          ...(section === "devDependencies" ? { dev: true } : {}),
        });
      }
    }
  }
  const direct = new Set(found.map((dependency) => `${dependency.name}@${dependency.version}`));
  const packages = isRecord(lock.packages) ? lock.packages : {};
  for (const [key, entry] of Object.entries(packages)) {
    const parsed = parsePackageKey(key);
    if (parsed === undefined || direct.has(`${parsed.name}@${parsed.version}`)) continue;
    found.push({
      ...parsed,
      ecosystem: "npm",
      direct: false,
      ...(isRecord(entry) && entry.dev === true ? { dev: true } : {}),
    });
  }
  return uniqueDependencies(found);
}

function parseYaml(text: string): unknown {
  try {
    return parse(text, { uniqueKeys: false, maxAliasCount: 100, prettyErrors: false });
  } catch {
    return undefined;
  }
}

/** `1.2.3(react@18.2.0)` → `1.2.3`: pnpm appends the peers a copy was resolved with. */
function cleanVersion(value: unknown): string | undefined {
  const version = stringOf(typeof value === "number" ? String(value) : value);
  return version?.replace(/\(.*$/, "").replace(/_.*$/, "");
}

/** `/name/1.2.3` (v5), `/name@1.2.3` (v6), `name@1.2.3(peer)` (v9), scoped or not. */
function parsePackageKey(key: string): { name: string; version: string } | undefined {
  const bare = key.replace(/^\//, "");
  const versionFive = /^((?:@[^/]+\/)?[^/@]+)\/(\d[^/]*)$/.exec(bare);
  if (versionFive?.[1] && versionFive[2]) {
    const version = cleanVersion(versionFive[2]);
    return version === undefined ? undefined : { name: versionFive[1], version };
  }
  const split = splitAtVersion(bare);
  const version = cleanVersion(split?.rest);
  if (split === undefined || version === undefined || !/^\d/.test(version)) return undefined;
  return { name: split.name, version };
}
