import { dirname, join } from "node:path";
import { writeFileAtomic } from "../../workspace/atomic-write.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { pathExists } from "../../workspace/path-exists.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { EngineError } from "../errors/engine-error.js";
import { loadTaskWaves } from "../task-waves/load-task-waves.js";
import { resolveWorkspaceRoot, type WorkspaceOptions } from "../workspace-model/workspace-context.js";
import { checkWorkflow, GENERATED_HEADER, wavesWorkflow } from "./github-workflow-yaml.js";

export interface WriteGithubWorkflowsOptions extends WorkspaceOptions {
  readonly check?: boolean;
  readonly runWaves?: boolean;
  /** The spec whose waves `--run-waves` runs; required with it. */
  readonly spec?: string;
  readonly parallel?: number;
  /** Replace a workflow of the same name that Specwright did not write. */
  readonly force?: boolean;
}

export interface WrittenWorkflow {
  /** Relative to the workspace root. */
  readonly path: string;
  readonly status: "created" | "updated" | "unchanged";
}

/** `specwright ci github`: writes `.github/workflows/specwright-*.yml`; never a file a person wrote, unless forced. */
export async function writeGithubWorkflows(options: WriteGithubWorkflowsOptions): Promise<readonly WrittenWorkflow[]> {
  const root = await resolveWorkspaceRoot(options);
  const wanted: { name: string; text: string }[] = [];
  const check = options.check === true || options.runWaves !== true;
  if (check) wanted.push({ name: "specwright-check.yml", text: checkWorkflow() });
  if (options.runWaves === true) {
    if (options.spec === undefined) {
      throw new EngineError({
        code: "missing-spec",
        kind: "usage",
        message: "--run-waves runs one spec's tasks, and no spec was named.",
        fix: "Name it: specwright ci github --run-waves --spec <name>.",
      });
    }
    const waves = await loadTaskWaves({ ...options, spec: options.spec });
    wanted.push({
      name: `specwright-waves-${waves.spec}.yml`,
      text: wavesWorkflow({ spec: waves.spec, waves: waves.waves, parallel: options.parallel ?? 3 }),
    });
  }
  const written: WrittenWorkflow[] = [];
  for (const { name, text } of wanted) {
    const path = join(root, ".github", "workflows", name);
    const existing = (await pathExists(path)) ? await readTextFile(path) : undefined;
    if (existing === text) {
      written.push({ path: `.github/workflows/${name}`, status: "unchanged" });
      continue;
    }
    if (existing !== undefined && !existing.startsWith(GENERATED_HEADER) && options.force !== true) {
      throw new EngineError({
        code: "workflow-exists",
        kind: "refused",
        message: `.github/workflows/${name} exists and Specwright did not write it.`,
        fix: "Rename or remove it, or run again with --force to replace it.",
      });
    }
    await ensureDirectory(dirname(path));
    await writeFileAtomic(path, text);
    written.push({ path: `.github/workflows/${name}`, status: existing === undefined ? "created" : "updated" });
  }
  return written;
}
