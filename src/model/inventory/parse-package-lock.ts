import type { InstalledDependency } from "./installed-dependency.js";
import { isRecord, parseJsonValue, stringOf, uniqueDependencies } from "./lockfile-values.js";

/**
 * The packages of an npm `package-lock.json` or `npm-shrinkwrap.json`, versions 1 to 3. Version 2 and 3 name
 * the project's own dependencies (`packages[""]`); version 1 does not, so `direct` is left unknown there.
 * Only the copies installed at the top of `node_modules` are listed: nested copies are other packages' business.
 */
export function parsePackageLock(text: string): InstalledDependency[] {
  const lock = parseJsonValue(text);
  if (!isRecord(lock)) return [];
  if (isRecord(lock.packages)) return readPackagesSection(lock.packages);
  if (isRecord(lock.dependencies)) return readVersionOneDependencies(lock.dependencies);
  return [];
}

function readPackagesSection(packages: Record<string, unknown>): InstalledDependency[] {
  const root = packages[""];
  const direct = new Set<string>();
  if (isRecord(root)) {
    for (const key of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
      const section = root[key];
      if (isRecord(section)) for (const name of Object.keys(section)) direct.add(name);
    }
  }
  const found: InstalledDependency[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    const name = topLevelPackageName(path);
    if (name === undefined || !isRecord(entry) || entry.link === true) continue;
    const version = stringOf(entry.version);
    if (version === undefined) continue;
    found.push({
      name: stringOf(entry.name) ?? name,
      version,
      ecosystem: "npm",
      ...(root === undefined ? {} : { direct: direct.has(name) }),
      ...(entry.dev === true ? { dev: true } : {}),
    });
  }
  return uniqueDependencies(found);
}

/** `node_modules/@scope/name` → `@scope/name`; nested `node_modules/a/node_modules/b` and workspace folders → undefined. */
function topLevelPackageName(path: string): string | undefined {
  const match = /^node_modules\/((?:@[^/]+\/)?[^/@][^/]*)$/.exec(path);
  return match?.[1];
}

function readVersionOneDependencies(dependencies: Record<string, unknown>): InstalledDependency[] {
  const found: InstalledDependency[] = [];
  for (const [name, entry] of Object.entries(dependencies)) {
    if (!isRecord(entry)) continue;
    const version = stringOf(entry.version);
    // Version 1 writes `file:` and git URLs as versions of local and linked packages; those pin nothing.
    if (version === undefined || /^(?:file|link):/.test(version)) continue;
    found.push({ name, version, ecosystem: "npm", ...(entry.dev === true ? { dev: true } : {}) });
  }
  return uniqueDependencies(found);
}
