/** Name, description and scripts as one manifest states them; absent fields were not stated. */
export interface ManifestFacts {
  readonly name?: string;
  readonly description?: string;
  /** package.json `scripts`, in file order. */
  readonly scripts?: readonly (readonly [string, string])[];
  /** package.json `packageManager`, such as `pnpm@9.1.0`. */
  readonly packageManager?: string;
}

/** The manifests `init` reads, in the order their facts are preferred. */
export const MANIFEST_FILES = ["package.json", "Cargo.toml", "pyproject.toml", "go.mod"] as const;
export type ManifestFile = (typeof MANIFEST_FILES)[number];

export function parseManifest(file: ManifestFile, text: string): ManifestFacts {
  switch (file) {
    case "package.json":
      return parsePackageJson(text);
    case "Cargo.toml":
      return readTomlTable(text, ["package"]);
    case "pyproject.toml":
      return readTomlTable(text, ["project", "tool.poetry"]);
    case "go.mod":
      return parseGoMod(text);
  }
}

export function parsePackageJson(text: string): ManifestFacts {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return {};
  }
  if (!isRecord(value)) return {};
  const scripts = isRecord(value.scripts)
    ? Object.entries(value.scripts).filter((entry): entry is [string, string] => typeof entry[1] === "string")
    : [];
  return {
    ...stringField("name", value.name),
    ...stringField("description", value.description),
    ...(scripts.length > 0 ? { scripts } : {}),
    ...stringField("packageManager", value.packageManager),
  };
}

/**
 * `name` and `description` from the first of `tables` that has them (`[package]` of a Cargo.toml,
 * `[project]` or `[tool.poetry]` of a pyproject.toml). Only single-line basic or literal strings are read:
 * enough for these two keys in practice, without a TOML parser.
 */
export function readTomlTable(text: string, tables: readonly string[]): ManifestFacts {
  const found = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const line = raw.trim();
    const header = /^\[([^[\]]+)\]\s*(?:#.*)?$/.exec(line);
    if (header) {
      const table = (header[1] ?? "").trim();
      current = tables.includes(table) ? (found.get(table) ?? {}) : undefined;
      if (current) found.set(table, current);
      continue;
    }
    if (line.startsWith("[")) {
      current = undefined;
      continue;
    }
    const pair = /^([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(?:#.*)?$/.exec(line);
    if (!current || !pair) continue;
    const key = pair[1] ?? "";
    const value = pair[2] !== undefined ? unescapeBasicString(pair[2]) : (pair[3] ?? "");
    if (!(key in current)) current[key] = value;
  }
  for (const table of tables) {
    const values = found.get(table);
    if (values?.name !== undefined || values?.description !== undefined) {
      return { ...stringField("name", values.name), ...stringField("description", values.description) };
    }
  }
  return {};
}

export function parseGoMod(text: string): ManifestFacts {
  const module = /^\s*module\s+("?)([^\s"]+)\1\s*(?:\/\/.*)?$/m.exec(text);
  return module?.[2] ? { name: module[2] } : {};
}

function unescapeBasicString(text: string): string {
  try {
    const value: unknown = JSON.parse(`"${text}"`);
    return typeof value === "string" ? value : text;
  } catch {
    return text;
  }
}

function stringField<Key extends string>(key: Key, value: unknown): { [K in Key]?: string } {
  if (typeof value !== "string" || value.trim() === "") return {};
  return { [key]: value.trim() } as { [K in Key]?: string };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
