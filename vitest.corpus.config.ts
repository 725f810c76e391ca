import { defineConfig } from "vitest/config";
import { CORPUS_TESTS } from "./vitest.config.js";

/**
 * The corpus suite: parsers and rules against real `.kiro/` files (SPECWRIGHT_CORPUS, or ../shared/corpus/kiro/).
 * Fails at once, with what to do, when the corpus is not there.
 */
export default defineConfig({
  test: {
    include: CORPUS_TESTS,
    globalSetup: ["test/helpers/require-corpus.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
