/**
 * Source that registers a module hook appending a line to `log` for every module Node resolves or loads:
 * `hook` is `resolve` (the line is the specifier) or `load` (the URL), `when` a JS condition on `value`.
 */
export function recordingHookRegistration(hook: "resolve" | "load", log: string, when: string): string {
  const hooks = [
    'import { appendFileSync } from "node:fs";',
    `export async function ${hook}(value, context, next) {`,
    `  if (${when}) appendFileSync(${JSON.stringify(log)}, value + "\\n");`,
    "  return next(value, context);",
    "}",
  ].join("\n");
  return [
    'import { register } from "node:module";',
    `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`,
  ].join("\n");
}
