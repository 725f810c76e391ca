import { globToRegexSource } from "../../model/hooks/glob-to-regex.js";
import { jsonPathLocation } from "../../model/json/json-path-location.js";
import { defineRule } from "../rule.js";
import { v1Hooks } from "./raw-hook-values.js";

/** Why `source` is not a regular expression, or `undefined` when it is one. */
function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.replace(/^Invalid regular expression: \/.*\/\w*: /, "");
  }
}

export const invalidMatcher = defineRule({
  id: "hooks/invalid-matcher",
  family: "hooks",
  severity: "error",
  summary: "A Kiro 1.0 hook's `matcher` is not a valid regular expression, so the hook cannot match anything.",
  fix: 'Write a valid regular expression (a regex, not a glob): `"\\\\.ts$"` for TypeScript files.',
  *check(workspace) {
    for (const { path, document } of workspace.hookFiles) {
      for (const { matcher } of v1Hooks(document.value)) {
        if (!matcher) continue;
        const problem = regexProblem(matcher.value);
        if (!problem) continue;
        // `**/*.ts` is the usual culprit: a 0.x glob pasted where 1.0 wants a regex.
        const looksLikeGlob = /(^|\/)\*\*?(\/|\.|$)/.test(matcher.value);
        yield {
          file: path,
          location: jsonPathLocation(document, matcher.path),
          message: `matcher "${matcher.value}" is not a regular expression (${problem}).`,
          fix: looksLikeGlob
            ? `The matcher looks like a glob; the regex for it is \`"matcher": ${JSON.stringify(globToRegexSource(matcher.value))}\`.`
            : "Correct the regular expression: escape a literal `(`, `[`, `*` or `+` with `\\\\`.",
        };
      }
    }
  },
});
