import { defineConfig } from "vitest/config";

/** Tests of the suite that read the corpus of real `.kiro/` files; `npm run test:corpus` runs them. */
export const CORPUS_TESTS = ["test/**/*corpus*.test.ts"];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A fresh clone has no corpus beside it: `npm test` runs without it, `npm run test:corpus` with it.
    exclude: ["**/node_modules/**", ...CORPUS_TESTS],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
