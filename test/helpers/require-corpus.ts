import { existsSync } from "node:fs";
import { join } from "node:path";
import { CORPUS_ROOT } from "./corpus.js";

/** Global setup of the corpus suite: no corpus is a failure with a fix, never an empty green run. */
export default function requireCorpus(): void {
  if (!existsSync(join(CORPUS_ROOT, "MANIFEST.tsv"))) {
    throw new Error(
      `The corpus is missing at ${CORPUS_ROOT}. Set SPECWRIGHT_CORPUS to a corpus folder (with MANIFEST.tsv), or fetch it with \`node scripts/fetch-corpus.mjs\`.`,
    );
  }
}
