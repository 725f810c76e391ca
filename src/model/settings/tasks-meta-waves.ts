import { type Node as JsonNode, type ParseError, parseTree } from "jsonc-parser";

/** A plan's waves as tasks.meta.json keeps them: task ids, wave by wave, in the order the waves run. */
export type StoredWaves = readonly (readonly string[])[];

/**
 * The `waves` of a tasks.meta.json value, ids as strings; undefined when there is no `waves` array. Both
 * of Kiro's forms are read: `[["1", "2"], ["3"]]` and `[{"id": 0, "tasks": ["1", "2"]}, …]`.
 */
export function readStoredWaves(value: unknown): StoredWaves | undefined {
  if (typeof value !== "object" || value === null || !("waves" in value)) return undefined;
  const waves: unknown = value.waves;
  if (!Array.isArray(waves)) return undefined;
  const ids = (list: unknown): string[] =>
    Array.isArray(list)
      ? list.filter((id) => typeof id === "string" || typeof id === "number").map((id) => String(id).trim())
      : [];
  return waves
    .map((wave: unknown) =>
      Array.isArray(wave)
        ? ids(wave)
        : typeof wave === "object" && wave !== null && "tasks" in wave
          ? ids(wave.tasks)
          : undefined,
    )
    .filter((wave): wave is string[] => wave !== undefined);
}

export type StoredWavesEdit =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  | { readonly ok: false; readonly reason: string };

/**
 * tasks.meta.json with `waves` set to `waves`, as one line (`[["1", "2"], ["3"]]`), everything else byte for
 * byte as it was: an existing `waves` value is replaced in place, a missing one added as the last key in
 * the file's own indentation. No file (or an empty one) becomes `{"waves": …}`. A file that is not a JSON
 * object is not ours to rewrite: refused with the reason.
 */
export function setStoredWaves(text: string | undefined, waves: StoredWaves): StoredWavesEdit {
  const value = formatWaves(waves);
  if (text === undefined || text.trim() === "") return { ok: true, text: `{\n  "waves": ${value}\n}\n`, changed: true };
  const errors: ParseError[] = [];
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const body = text.slice(bom.length);
  const root = parseTree(body, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || root === undefined) return { ok: false, reason: "tasks.meta.json is not valid JSON" };
  if (root.type !== "object") return { ok: false, reason: "tasks.meta.json is not a JSON object" };
  const existing = wavesValueNode(root);
  if (existing !== undefined) {
    const current = body.slice(existing.offset, existing.offset + existing.length);
    if (current === value) return { ok: true, text, changed: false };
    const next = `${body.slice(0, existing.offset)}${value}${body.slice(existing.offset + existing.length)}`;
    return { ok: true, text: `${bom}${next}`, changed: true };
  }
  const indent = /\n([ \t]+)"/.exec(body)?.[1] ?? "  ";
  const eol = body.includes("\r\n") ? "\r\n" : "\n";
  const last = root.children?.at(-1);
  // After the last property (or inside an empty object), so no byte of the other keys moves.
  const next =
    last === undefined
      ? `${body.slice(0, root.offset + 1)}${eol}${indent}"waves": ${value}${eol}${body.slice(root.offset + root.length - 1)}`
      : `${body.slice(0, last.offset + last.length)},${eol}${indent}"waves": ${value}${body.slice(last.offset + last.length)}`;
  return { ok: true, text: `${bom}${next}`, changed: true };
}

/** `[["1", "2"], ["3"]]`: short enough for one line, and the way Kiro's own examples read. */
export function formatWaves(waves: StoredWaves): string {
  return `[${waves.map((wave) => `[${wave.map((id) => JSON.stringify(id)).join(", ")}]`).join(", ")}]`;
}

function wavesValueNode(root: JsonNode): JsonNode | undefined {
  const property = root.children?.find((child) => child.children?.[0]?.value === "waves");
  return property?.children?.[1];
}
