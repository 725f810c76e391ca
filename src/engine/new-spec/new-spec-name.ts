import { EngineError } from "../errors/engine-error.js";

/** A spec name as Kiro writes spec folders: lower-case words of letters and digits joined by hyphens. */
export const SPEC_NAME_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Longer names make unwieldy paths and are surely a description pasted by mistake. */
export const MAX_SPEC_NAME_LENGTH = 80;

/**
 * The kebab-case form of what someone typed: `Rate Limiting` → `rate-limiting`, `rateLimiting` →
 * `rate-limiting`, `Über_Cache` → `uber-cache`. Empty when nothing usable is left.
 */
export function toKebabCase(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SPEC_NAME_LENGTH)
    .replace(/-+$/, "");
}

/** Refuses a name that is not a plain kebab-case folder name, with the kebab-case form as the fix. */
export function validateSpecName(name: string): void {
  if (SPEC_NAME_PATTERN.test(name) && name.length <= MAX_SPEC_NAME_LENGTH) return;
  const isPath = /[/\\]/.test(name) || name === "." || name === ".." || name.includes("..");
  const lastSegment = name
    .split(/[/\\]/)
    .filter((segment) => segment !== "" && segment !== "." && segment !== "..")
    .at(-1);
  const suggestion = toKebabCase(isPath ? (lastSegment ?? "") : name);
  const suggest = suggestion === "" ? "such as rate-limiting" : `such as ${suggestion}`;
  const base = {
    code: "invalid-spec-name",
    kind: "usage" as const,
    ...(suggestion === "" ? {} : { candidates: [suggestion] }),
  };
  if (name.trim() === "") {
    throw new EngineError({
      ...base,
      message: "The spec name is empty.",
      fix: "Name the spec in kebab-case, such as rate-limiting.",
    });
  }
  if (isPath) {
    throw new EngineError({
      ...base,
      message: `"${name}" is a path; a spec name is one folder name, created under .kiro/specs/.`,
      fix: `Pass just the name, in kebab-case, ${suggest}.`,
    });
  }
  if (name.length > MAX_SPEC_NAME_LENGTH) {
    throw new EngineError({
      ...base,
      message: `The spec name is ${name.length} characters long; at most ${MAX_SPEC_NAME_LENGTH} are allowed.`,
      fix: `Use a short kebab-case name, ${suggest}; the description goes into the documents.`,
    });
  }
  throw new EngineError({
    ...base,
    message: `"${name}" is not a kebab-case name (lower-case letters and digits, words joined by single hyphens).`,
    fix: `Use ${suggestion === "" ? "a name such as rate-limiting" : suggestion}.`,
  });
}
