import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The corpus of real `.kiro/` files, read in place (never copied into this repository): `SPECWRIGHT_CORPUS`,
 * or `../shared/corpus/kiro/` beside the repository. Only the corpus suite (`npm run test:corpus`) reads it.
 */
export const CORPUS_ROOT = process.env.SPECWRIGHT_CORPUS
  ? `${resolve(process.env.SPECWRIGHT_CORPUS)}/`
  : fileURLToPath(new URL("../../../shared/corpus/kiro/", import.meta.url));

export interface CorpusFile {
  /** Path relative to the corpus root, for test names. */
  readonly name: string;
  readonly path: string;
  readonly text: string;
}

function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

let allPaths: string[] | undefined;

/** Corpus files whose path (relative to the corpus root) matches `pattern`, or whose name is `pattern`. */
export function corpusFiles(pattern: RegExp | string): CorpusFile[] {
  const matches =
    typeof pattern === "string"
      ? (name: string) => name.split("/").at(-1) === pattern
      : (name: string) => pattern.test(name);
  allPaths ??= walk(CORPUS_ROOT).sort();
  return allPaths
    .map((path) => ({ path, name: relative(CORPUS_ROOT, path) }))
    .filter((file) => matches(file.name))
    .map((file) => ({ ...file, text: readFileSync(file.path, "utf8") }));
}
