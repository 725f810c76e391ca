import type { InstalledDependency } from "./installed-dependency.js";

/** Lockfiles hold one entry per resolved copy; a model needs one line per name and version. */
export function uniqueDependencies(dependencies: readonly InstalledDependency[]): InstalledDependency[] {
  const seen = new Map<string, InstalledDependency>();
  for (const dependency of dependencies) {
    const key = `${dependency.name}@${dependency.version}`;
    const known = seen.get(key);
    // A copy the project depends on directly says more than a transitive copy of the same version.
    if (known === undefined || (known.direct !== true && dependency.direct === true)) seen.set(key, dependency);
  }
  return [...seen.values()];
}

export function parseJsonValue(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** `@scope/name@1.2.3` → name `@scope/name`, rest `1.2.3`; the first `@` of a scoped name is part of it. */
export function splitAtVersion(descriptor: string): { name: string; rest: string } | undefined {
  const at = descriptor.indexOf("@", descriptor.startsWith("@") ? 1 : 0);
  if (at <= 0) return undefined;
  return { name: descriptor.slice(0, at), rest: descriptor.slice(at + 1) };
}
