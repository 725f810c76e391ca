import type { JsonPath } from "../../model/json/json-path.js";

/**
 * Hook files read as plain JSON values, not through the schema: a hook whose shape is wrong elsewhere
 * (a missing `name`) still has a trigger and an action worth checking, and hooks/missing-field reports the rest.
 */

function property(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return Object.getOwnPropertyDescriptor(value, key)?.value;
}

/** A string found in a hook file and where it sits. */
export interface RawHookString {
  readonly value: string;
  readonly path: JsonPath;
}

function stringAt(root: unknown, path: JsonPath): RawHookString | undefined {
  let value = root;
  for (const segment of path) {
    value =
      typeof segment === "number" ? (Array.isArray(value) ? value[segment] : undefined) : property(value, segment);
  }
  return typeof value === "string" ? { value, path } : undefined;
}

/** `when.type` and `then.type` of a 0.x hook, when they are strings. */
export function legacyHookTypes(root: unknown): { trigger?: RawHookString; action?: RawHookString } {
  const trigger = stringAt(root, ["when", "type"]);
  const action = stringAt(root, ["then", "type"]);
  return { ...(trigger ? { trigger } : {}), ...(action ? { action } : {}) };
}

/** The `when.patterns` strings of a 0.x hook. */
export function legacyHookPatterns(root: unknown): RawHookString[] {
  const patterns = property(property(root, "when"), "patterns");
  if (!Array.isArray(patterns)) return [];
  return patterns.flatMap((_, index) => stringAt(root, ["when", "patterns", index]) ?? []);
}

/** One entry of a v1 file's `hooks` array: its trigger, action type and matcher when they are strings. */
export interface RawV1Hook {
  readonly index: number;
  readonly trigger?: RawHookString;
  readonly action?: RawHookString;
  readonly matcher?: RawHookString;
}

export function v1Hooks(root: unknown): RawV1Hook[] {
  const hooks = property(root, "hooks");
  if (!Array.isArray(hooks)) return [];
  return hooks.map((_, index) => {
    const trigger = stringAt(root, ["hooks", index, "trigger"]);
    const action = stringAt(root, ["hooks", index, "action", "type"]);
    const matcher = stringAt(root, ["hooks", index, "matcher"]);
    return { index, ...(trigger ? { trigger } : {}), ...(action ? { action } : {}), ...(matcher ? { matcher } : {}) };
  });
}
