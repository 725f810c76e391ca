import { splitLines } from "./lockfile-values.js";

/** One `[[package]]` table of a TOML lockfile (poetry.lock, uv.lock, Cargo.lock), read line by line. */
export interface TomlPackageTable {
  /** Top-level keys with a string value, unquoted. */
  readonly strings: ReadonlyMap<string, string>;
  /**
   * The raw text of every other value (arrays over several lines, inline tables), keyed by name; keys of a
   * sub-table such as `[package.dev-dependencies]` are prefixed with it: `dev-dependencies.dev`.
   */
  readonly raw: ReadonlyMap<string, string>;
}

/**
 * The `[[package]]` tables of a lockfile, without a TOML parser: lockfiles are written by tools, one key per
 * line, so a line scanner that balances brackets is enough. Anything it does not understand is skipped.
 */
export function readTomlPackageTables(text: string): TomlPackageTable[] {
  const tables: { strings: Map<string, string>; raw: Map<string, string> }[] = [];
  let current: { strings: Map<string, string>; raw: Map<string, string> } | undefined;
  let prefix = "";
  let pending: { key: string; text: string; depth: number } | undefined;
  for (const line of splitLines(text)) {
    if (pending !== undefined) {
      pending.text += `\n${line}`;
      pending.depth += bracketBalance(line);
      if (pending.depth <= 0) {
        current?.raw.set(pending.key, pending.text);
        pending = undefined;
      }
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    if (/^\[\[\s*package\s*\]\]\s*(?:#.*)?$/.test(trimmed)) {
      current = { strings: new Map(), raw: new Map() };
      tables.push(current);
      prefix = "";
      continue;
    }
    const header = /^\[\s*package\.([^\]]+?)\s*\]\s*(?:#.*)?$/.exec(trimmed);
    if (header?.[1] !== undefined) {
      prefix = `${header[1]}.`;
      continue;
    }
    if (trimmed.startsWith("[")) {
      current = undefined;
      continue;
    }
    const pair = /^("?[A-Za-z0-9_.-]+"?)\s*=\s*(.*)$/.exec(trimmed);
    if (current === undefined || pair?.[1] === undefined || pair[2] === undefined) continue;
    const key = prefix + pair[1].replace(/^"|"$/g, "");
    const value = pair[2];
    const quoted = /^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$|^'([^']*)'\s*(?:#.*)?$/.exec(value);
    if (quoted && prefix === "") {
      current.strings.set(key, quoted[1] ?? quoted[2] ?? "");
      continue;
    }
    const depth = bracketBalance(value);
    if (depth > 0) pending = { key, text: value, depth };
    else current.raw.set(key, value);
  }
  return tables.map((table) => ({ strings: table.strings, raw: table.raw }));
}

/** Opening minus closing brackets and braces outside strings. */
function bracketBalance(text: string): number {
  let balance = 0;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quote !== undefined) {
      if (character === "\\" && quote === '"') index++;
      else if (character === quote) quote = undefined;
      continue;
    }
    if (character === '"' || character === "'") quote = character;
    else if (character === "#") break;
    else if (character === "[" || character === "{") balance++;
    else if (character === "]" || character === "}") balance--;
  }
  return balance;
}

/** The quoted strings of a raw TOML array: `["serde", "log 0.4.20"]` → `serde`, `log 0.4.20`. */
export function quotedStrings(raw: string): string[] {
  return [...raw.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1] ?? "");
}

/** The `name = "…"` values of the inline tables in a raw TOML array (uv.lock's dependency lists). */
export function inlineTableNames(raw: string): string[] {
  return [...raw.matchAll(/\bname\s*=\s*"([^"]+)"/g)].map((match) => match[1] ?? "");
}
