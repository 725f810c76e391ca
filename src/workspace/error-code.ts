/** The `code` of a Node system error (`ENOENT`, `EACCES`, …), or undefined for anything else. */
export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = error.code;
  return typeof code === "string" ? code : undefined;
}
