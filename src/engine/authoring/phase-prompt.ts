import { join } from "node:path";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { packageRootOf } from "../../workspace/package-root.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";

/** The prompt files, one per step, shipped in `prompts/` and overridable per workspace. */
export const PROMPT_NAMES = [
  "questions",
  "requirements",
  "bugfix",
  "design",
  "tasks",
  "refine",
  "steering",
  "from-code",
] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

export interface PhasePrompt {
  readonly name: PromptName;
  readonly text: string;
  /** The file it came from (absolute). */
  readonly path: string;
  readonly overridden: boolean;
}

/** `prompts/` of the package, wherever this module sits (source, tsc's output or the CLI bundle). */
const BUILT_IN_PROMPTS = join(packageRootOf(import.meta.url), "prompts");

/** Where a workspace overrides a built-in prompt: `.kiro/settings/prompts/<name>.md`. */
export function promptOverridePath(root: string, name: PromptName): string {
  return join(kiroPaths(root).settingsDirectory, "prompts", `${name}.md`);
}

/** The system prompt of a step: the workspace's override when it exists, else the built-in file. */
export async function loadPhasePrompt(root: string, name: PromptName): Promise<PhasePrompt> {
  const override = promptOverridePath(root, name);
  if (await pathExists(override)) {
    return { name, text: await readTextFile(override), path: override, overridden: true };
  }
  const path = join(BUILT_IN_PROMPTS, `${name}.md`);
  return { name, text: await readTextFile(path), path, overridden: false };
}
