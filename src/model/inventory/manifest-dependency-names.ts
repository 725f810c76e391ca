import { isRecord, parseJsonValue, splitLines } from "./lockfile-values.js";
import { normalizePythonName } from "./parse-python-locks.js";

/**
 * The dependencies a manifest asks for, by name: how lockfiles that do not record it (yarn.lock, npm v1,
 * poetry.lock, Pipfile.lock, requirements.txt) learn which packages are direct.
 */
export function manifestDependencyNames(file: string, text: string): Set<string> | undefined {
  if (file === "package.json") return packageJsonDependencyNames(text);
  if (file === "pyproject.toml") return pyprojectDependencyNames(text);
  if (file === "Pipfile") return pipfileDependencyNames(text);
  return undefined;
}

function packageJsonDependencyNames(text: string): Set<string> | undefined {
  const manifest = parseJsonValue(text);
  if (!isRecord(manifest)) return undefined;
  const names = new Set<string>();
  for (const key of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
    const section = manifest[key];
    if (isRecord(section)) for (const name of Object.keys(section)) names.add(name);
  }
  return names;
}

/** PEP 621 `[project] dependencies = [...]`, optional and group dependencies, and Poetry's dependency tables. */
function pyprojectDependencyNames(text: string): Set<string> {
  const names = new Set<string>();
  let table = "";
  let inArray = false;
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    const header = /^\[([^\]]+)\]\s*(?:#.*)?$/.exec(line);
    if (header?.[1] !== undefined && !inArray) {
      table = header[1].trim();
      continue;
    }
    const inDependencyTable =
      /^tool\.poetry\.(?:dev-)?dependencies$/.test(table) || /^tool\.poetry\.group\.[^.]+\.dependencies$/.test(table);
    if (inDependencyTable) {
      const key = /^"?([A-Za-z0-9][A-Za-z0-9._-]*)"?\s*=/.exec(line)?.[1];
      if (key !== undefined && key.toLowerCase() !== "python") names.add(normalizePythonName(key));
      continue;
    }
    const arrayTable =
      table === "project" || table === "project.optional-dependencies" || table === "dependency-groups";
    if (!arrayTable) continue;
    if (!inArray) {
      const start = /^([A-Za-z0-9_-]+)\s*=\s*\[(.*)$/.exec(line);
      if (start === null || (table === "project" && start[1] !== "dependencies")) continue;
      inArray = true;
      addRequirementNames(names, start[2] ?? "");
      if ((start[2] ?? "").includes("]")) inArray = false;
      continue;
    }
    addRequirementNames(names, line);
    if (/^\]/.test(line) || /\]\s*(?:#.*)?$/.test(line.replace(/"[^"]*"/g, ""))) inArray = false;
  }
  return names;
}

/** `"fastapi[all]>=0.110", 'httpx'` → fastapi, httpx. */
function addRequirementNames(names: Set<string>, text: string): void {
  for (const match of text.matchAll(/["']\s*([A-Za-z0-9][A-Za-z0-9._-]*)/g)) {
    if (match[1]) names.add(normalizePythonName(match[1]));
  }
}

function pipfileDependencyNames(text: string): Set<string> {
  const names = new Set<string>();
  let inPackages = false;
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      inPackages = header[1] === "packages" || header[1] === "dev-packages";
      continue;
    }
    const key = inPackages ? /^"?([A-Za-z0-9][A-Za-z0-9._-]*)"?\s*=/.exec(line)?.[1] : undefined;
    if (key !== undefined) names.add(normalizePythonName(key));
  }
  return names;
}
