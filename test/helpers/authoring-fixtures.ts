import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

const FIXTURES = new URL("../engine/authoring/fixtures/", import.meta.url);

/** The seed walk's documents (rate limiting for an Express API), written as a model would answer. */
export const RATE_LIMITING = {
  requirements: readFileSync(new URL("requirements.md", FIXTURES), "utf8"),
  refinedRequirements: readFileSync(new URL("requirements-refined.md", FIXTURES), "utf8"),
  design: readFileSync(new URL("design.md", FIXTURES), "utf8"),
  tasks: readFileSync(new URL("tasks.md", FIXTURES), "utf8"),
} as const;

/** The requirements as the model writes them: without the Clarifications, which the engine records itself. */
export const REQUIREMENTS_AS_WRITTEN = RATE_LIMITING.requirements.replace(
  /\n### Clarifications\n[\s\S]*?\n(?=## Glossary)/,
  "\n",
);

/** The `.config.kiro` of a requirements-first feature spec. */
export const FEATURE_CONFIG = '{"specId": "1", "workflowType": "requirements-first", "specType": "feature"}';

/** Writes `.kiro/specs/<spec>/` with the given files (name → content) under `root`. */
export async function writeSpecFiles(root: string, spec: string, files: Record<string, string>): Promise<string> {
  const folder = join(root, ".kiro", "specs", spec);
  await mkdir(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
  return folder;
}

/** Writes the `rate-limiting` feature spec (its `.config.kiro` and the given `requirements.md`) under `root`. */
export function writeRateLimitingRequirements(root: string, requirements: string): Promise<string> {
  return writeSpecFiles(root, "rate-limiting", { ".config.kiro": FEATURE_CONFIG, "requirements.md": requirements });
}
