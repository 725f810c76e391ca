import { dirname, join, relative, sep } from "node:path";
import type { RepositoryFacts } from "../../model/templates/repository-facts.js";
import { specwrightSettingsTemplate } from "../../model/templates/settings-template.js";
import { steeringTemplates } from "../../model/templates/steering-templates.js";
import { createFileExclusive } from "../../workspace/create-file-exclusive.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { locateKiroRoot } from "../../workspace/find-kiro-root.js";
import { isDirectory } from "../../workspace/is-directory.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { gatherRepositoryFacts } from "../repository-facts/repository-facts.js";
import { assertKiroFolderUsable, resolveTargetRoot } from "./init-target-root.js";

export interface InitWorkspaceOptions {
  readonly cwd: string;
  /** The project folder; default `cwd`. It must exist; `.kiro/` inside it is created when missing. */
  readonly root?: string;
}

export interface InitWorkspaceResult {
  readonly root: string;
  /** Files written, relative to the root with `/`, in the order they were written. */
  readonly created: readonly string[];
  /** Files that already existed and were left exactly as they were, relative to the root with `/`. */
  readonly skipped: readonly string[];
  /** What was read from the repository to fill the steering files. */
  readonly facts: RepositoryFacts;
  /** A workspace above the root, when the root had no `.kiro/` of its own: init made a nested one. */
  readonly enclosingWorkspace?: string;
}

/**
 * Sets up `.kiro/` in a project: Kiro's three steering files (product, tech, structure) filled with what
 * the repository shows, and Specwright's settings with their defaults. An existing file is never touched,
 * not even when another program creates it while init runs: every file is created exclusively.
 */
export async function initWorkspace(options: InitWorkspaceOptions): Promise<InitWorkspaceResult> {
  const root = await resolveTargetRoot(options);
  await assertKiroFolderUsable(root);
  const paths = kiroPaths(root);
  const hadKiro = await isDirectory(paths.kiroDirectory);
  const enclosingWorkspace = hadKiro ? undefined : await locateKiroRoot(dirname(root));
  const facts = await gatherRepositoryFacts(root);
  const files = [
    ...steeringTemplates(facts).map((file) => ({
      path: join(paths.steeringDirectory, file.name),
      content: file.content,
    })),
    { path: join(paths.settingsDirectory, "specwright.json"), content: specwrightSettingsTemplate() },
  ];
  const created: string[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    await ensureDirectory(dirname(file.path));
    const outcome = await createFileExclusive(file.path, file.content);
    (outcome === "created" ? created : skipped).push(relative(root, file.path).split(sep).join("/"));
  }
  return {
    root,
    created,
    skipped,
    facts,
    ...(enclosingWorkspace !== undefined && enclosingWorkspace !== root ? { enclosingWorkspace } : {}),
  };
}
