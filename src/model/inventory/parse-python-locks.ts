import type { InstalledDependency } from "./installed-dependency.js";
import { isRecord, parseJsonValue, splitLines, stringOf, uniqueDependencies } from "./lockfile-values.js";
import { inlineTableNames, readTomlPackageTables } from "./toml-package-tables.js";

/**
 * The packages of a `poetry.lock`. Poetry does not say there which ones the project asked for (pyproject.toml
 * does); older lockfiles mark development ones with `category = "dev"`.
 */
export function parsePoetryLock(text: string): InstalledDependency[] {
  const found: InstalledDependency[] = [];
  for (const table of readTomlPackageTables(text)) {
    const name = table.strings.get("name");
    const version = table.strings.get("version");
    if (!name || !version) continue;
    const dev = table.strings.get("category") === "dev";
    found.push({ name: normalizePythonName(name), version, ecosystem: "python", ...(dev ? { dev: true } : {}) });
  }
  return uniqueDependencies(found);
}

/**
 * The packages of a `uv.lock`. The project itself is the package whose source is the repository (`editable`
 * or `virtual` "."); its `dependencies` and `dev-dependencies` tell which packages are direct.
 */
export function parseUvLock(text: string): InstalledDependency[] {
  const tables = readTomlPackageTables(text);
  const mainNames = new Set<string>();
  const devNames = new Set<string>();
  const projectNames = new Set<string>();
  for (const table of tables) {
    const source = table.raw.get("source") ?? "";
    if (!/\b(?:editable|virtual)\s*=\s*"\."/.test(source)) continue;
    const name = table.strings.get("name");
    if (name) projectNames.add(normalizePythonName(name));
    for (const [key, raw] of table.raw) {
      const names = inlineTableNames(raw).map(normalizePythonName);
      if (key === "dependencies" || key.startsWith("optional-dependencies."))
        for (const each of names) mainNames.add(each);
      if (key.startsWith("dev-dependencies.")) for (const each of names) devNames.add(each);
    }
  }
  const found: InstalledDependency[] = [];
  for (const table of tables) {
    const name = table.strings.get("name");
    const version = table.strings.get("version");
    if (!name || !version) continue;
    const normalized = normalizePythonName(name);
    if (projectNames.has(normalized)) continue;
    found.push({
      name: normalized,
      version,
      ecosystem: "python",
      ...(projectNames.size > 0 ? { direct: mainNames.has(normalized) || devNames.has(normalized) } : {}),
      ...(devNames.has(normalized) && !mainNames.has(normalized) ? { dev: true } : {}),
    });
  }
  return uniqueDependencies(found);
}

/**
 * Pinned requirements of a `requirements*.txt` (`name==1.2.3`, `name[extra]===1.2.3`); ranges, URLs, options
 * (`-r`, `-e`, `--hash`) and comments pin nothing and are skipped. Whether a pin is direct is not written there.
 */
export function parseRequirementsTxt(text: string): InstalledDependency[] {
  const found: InstalledDependency[] = [];
  for (const raw of splitLines(text.replace(/\\\r?\n/g, " "))) {
    const line = raw.replace(/(?:^|\s)#.*$/, "").trim();
    if (line === "" || line.startsWith("-")) continue;
    const pin =
      /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9][A-Za-z0-9.+!_-]*)\s*(?:[;\s].*)?$/.exec(
        line,
      );
    if (pin?.[1] && pin[2]) found.push({ name: normalizePythonName(pin[1]), version: pin[2], ecosystem: "python" });
  }
  return uniqueDependencies(found);
}

/** The packages of a `Pipfile.lock`: `default` ones and `develop` ones (dev). */
export function parsePipfileLock(text: string): InstalledDependency[] {
  const lock = parseJsonValue(text);
  if (!isRecord(lock)) return [];
  const found: InstalledDependency[] = [];
  for (const section of ["default", "develop"]) {
    const packages = lock[section];
    if (!isRecord(packages)) continue;
    for (const [name, entry] of Object.entries(packages)) {
      const version = stringOf(isRecord(entry) ? entry.version : undefined)?.replace(/^===?/, "");
      if (!version) continue;
      found.push({
        name: normalizePythonName(name),
        version,
        ecosystem: "python",
        ...(section === "develop" ? { dev: true } : {}),
      });
    }
  }
  return uniqueDependencies(found);
}

/** PEP 503: names compare case-insensitively with runs of `-`, `_` and `.` as one `-`. */
export function normalizePythonName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, "-");
}
