import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { errorCodeOf } from "./error-code.js";

/** SHA-256 of a file's bytes (hex), null when it does not exist. */
export async function fileSha256(path: string): Promise<string | null> {
  try {
    return createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT" || errorCodeOf(error) === "ENOTDIR") return null;
    throw error;
  }
}
