import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";

/**
 * A unique sibling path for `path` (same folder, so a rename onto `path` stays on one file system).
 * It starts with a dot and carries the pid, so a leftover from a crash is hidden and traceable.
 */
export function temporarySiblingPath(path: string, purpose: string): string {
  const unique = `${process.pid}.${randomBytes(6).toString("hex")}`;
  return join(dirname(path), `.${basename(path)}.${purpose}.${unique}`);
}
