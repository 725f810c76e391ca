import type { MergeOutcome } from "./merge-json-server.js";

/**
 * Writes the `[<key>.<name>]` table of a TOML config (Codex's `.codex/config.toml`) with `command` and `args`,
 * without a TOML library: the table's own lines are replaced (or appended at the end), and every other byte of
 * the file, comments and sub-tables such as `[<key>.<name>.env]` included, stays as it was. Idempotent.
 */
export function mergeTomlServer(
  text: string,
  key: string,
  name: string,
  entry: { readonly command: string; readonly args: readonly string[] },
): MergeOutcome {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const body = [`command = ${tomlString(entry.command)}`, `args = [${entry.args.map(tomlString).join(", ")}]`];
  const lines = text === "" ? [] : text.split(/\r?\n/);
  const header = lines.findIndex((line) => isTableHeader(line, key, name));
  if (header === -1) {
    if (definesElsewhere(text, key, name)) {
      return {
        ok: false,
        message: `The file defines "${name}" under ${key} in a form other than a [${key}.${name}] table.`,
        fix: `Remove that definition or turn it into a [${key}.${name}] table, then run the command again.`,
      };
    }
    const table = [`[${key}.${name}]`, ...body].join(eol);
    if (text.trim() === "") return { ok: true, text: `${table}${eol}`, changed: true, replaced: false };
    const separator = text.endsWith(eol) ? eol : `${eol}${eol}`;
    return { ok: true, text: `${text}${separator}${table}${eol}`, changed: true, replaced: false };
  }
  // The table runs to the next table header. Only its `command` and `args` keys are rewritten: other keys
  // (env, timeouts, enabled_tools) are the user's and stay.
  let end = header + 1;
  while (end < lines.length && !/^\s*\[/.test(lines[end] ?? "")) end += 1;
  const kept: string[] = [];
  for (let index = header + 1; index < end; index += 1) {
    const line = lines[index] ?? "";
    const assigned = /^\s*(command|args)\s*=(.*)$/.exec(line);
    if (!assigned) {
      kept.push(line);
      continue;
    }
    // A multi-line array runs to the line that closes it.
    if (assigned[1] === "args" && !/\]\s*(#.*)?$/.test(assigned[2] ?? "")) {
      while (index + 1 < end && !/\]\s*(#.*)?$/.test(lines[index] ?? "")) index += 1;
    }
  }
  const merged = [...lines.slice(0, header + 1), ...body, ...kept, ...lines.slice(end)];
  const mergedText = merged.join(eol);
  if (mergedText === text) return { ok: true, text, changed: false, replaced: false };
  return { ok: true, text: mergedText, changed: true, replaced: true };
}

/** A TOML basic string: JSON's escapes are valid TOML escapes for what a command line holds. */
function tomlString(value: string): string {
  return JSON.stringify(value);
}

function isTableHeader(line: string, key: string, name: string): boolean {
  const match = /^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$/.exec(line);
  if (!match?.[1]) return false;
  const parts = match[1].split(".").map((part) => part.trim().replace(/^"(.*)"$/, "$1"));
  return parts.length === 2 && parts[0] === key && parts[1] === name;
}

function definesElsewhere(text: string, key: string, name: string): boolean {
  const dotted = new RegExp(`^\\s*${key}\\s*\\.\\s*"?${name}"?\\s*(=|\\.)`, "m");
  const inline = new RegExp(`^\\s*${key}\\s*=.*\\b${name}\\b`, "m");
  const underTable = new RegExp(`^\\s*\\[\\s*${key}\\s*\\][^\\[]*^\\s*"?${name}"?\\s*(=|\\.)`, "ms");
  return dotted.test(text) || inline.test(text) || underTable.test(text);
}
