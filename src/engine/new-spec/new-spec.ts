import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { SpecType } from "../../model/settings/spec-config-schema.js";
import { type NewSpecWorkflow, specTemplates } from "../../model/templates/spec-templates.js";
import { createDirectoryExclusive } from "../../workspace/create-directory-exclusive.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { isDirectory } from "../../workspace/is-directory.js";
import { kiroPaths } from "../../workspace/kiro-paths.js";
import { EngineError } from "../errors/engine-error.js";
import { assertKiroFolderUsable, resolveStartingRoot } from "../init/init-target-root.js";
import { resolveNewSpecKind } from "./new-spec-kind.js";
import { validateSpecName } from "./new-spec-name.js";

export interface NewSpecOptions {
  readonly cwd: string;
  /** The workspace root; default: the nearest folder with `.kiro/` at or above `cwd`, else `cwd` itself. */
  readonly root?: string;
  readonly name: string;
  /** Default `feature`. */
  readonly type?: SpecType;
  /** Default `requirements-first`. `design-first` applies to features only. */
  readonly workflow?: NewSpecWorkflow;
  /** The spec id; default a fresh random UUID (tests pass a fixed one). */
  readonly specId?: string;
}

export interface NewSpecResult {
  readonly root: string;
  readonly spec: string;
  /** The spec folder (absolute). */
  readonly path: string;
  readonly type: SpecType;
  readonly workflow: NewSpecWorkflow;
  readonly specId: string;
  /** The files created (absolute), the documents in the order the workflow fills them in. */
  readonly files: readonly string[];
  /** True when no `.kiro/` existed, so `.kiro/` was created in the root (`cwd`, or the `--root` given). */
  readonly createdWorkspace: boolean;
}

/**
 * Creates `.kiro/specs/<name>/` with `.config.kiro` and template documents in Kiro's current format,
 * offline. The folder appears complete or not at all (it is assembled in a hidden folder under `.kiro/`
 * and renamed into place), and an existing spec of that name is refused, never touched.
 */
export async function createNewSpec(options: NewSpecOptions): Promise<NewSpecResult> {
  validateSpecName(options.name);
  const { type, workflow } = resolveNewSpecKind(options);
  const root = await resolveStartingRoot(options);
  await assertKiroFolderUsable(root);
  const paths = kiroPaths(root);
  const createdWorkspace = !(await isDirectory(paths.kiroDirectory));
  const target = join(paths.specsDirectory, options.name);
  const specId = options.specId ?? randomUUID();
  const files = specTemplates({ name: options.name, type, workflow, specId });
  await ensureDirectory(paths.specsDirectory);
  const outcome = await createDirectoryExclusive(target, files, { stagingDirectory: paths.kiroDirectory });
  if (outcome === "exists") {
    throw new EngineError({
      code: "spec-exists",
      message: `A spec named "${options.name}" already exists (${target}); it was left unchanged.`,
      fix: `Pick another name, or work on the existing spec (specwright check .kiro/specs/${options.name} lists what is left to fill in).`,
      path: target,
    });
  }
  return {
    root,
    spec: options.name,
    path: target,
    type,
    workflow,
    specId,
    files: files.map((file) => join(target, file.name)),
    createdWorkspace,
  };
}
