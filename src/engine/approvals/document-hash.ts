import { createHash } from "node:crypto";

/**
 * SHA-256 (hex) of a document's exact bytes. Deliberately not line-ending-insensitive: an approval is of
 * the bytes that were reviewed, and a checkout that converts line endings shows as a change to re-approve
 * rather than a silent pass. Text read by the workspace layer keeps its BOM and line endings, so hashing
 * its UTF-8 encoding hashes the file's bytes.
 */
export function documentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
