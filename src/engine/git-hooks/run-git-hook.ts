import type { CheckDiagnostic } from "../../rules/check-result.js";
import { resolveCommit } from "../../workspace/git/git-repository.js";
import { stagedPaths } from "../../workspace/git/history.js";
import { getApprovals } from "../approvals/get-approvals.js";
import { runCheck } from "../check/run-check.js";
import { requireGitRepository } from "../checkpoints/require-git-repository.js";
import { computeDrift } from "../drift/compute-drift.js";
import type { DriftReport } from "../drift/drift-types.js";
import type { GitHookName } from "./hook-script.js";

export interface PreCommitResult {
  readonly hook: "pre-commit";
  /** The specs whose files the commit touches: the only ones checked. */
  readonly specs: readonly string[];
  readonly diagnostics: readonly CheckDiagnostic[];
  /** Specs whose design.md changed since its approval while their tasks.md did not (nor is in the commit). */
  readonly designWithoutTasks: readonly string[];
  /** False when check found errors: the commit is stopped. */
  readonly passed: boolean;
}

export interface PrePushResult {
  readonly hook: "pre-push";
  /** Undefined when the branch has no upstream to compare with. */
  readonly drift: DriftReport | undefined;
  /** A push is never stopped by drift: CI is the gate, the hook warns. */
  readonly passed: true;
}

export type GitHookResult = PreCommitResult | PrePushResult;

/** What Specwright's hooks do; the hook scripts call this through `specwright git-hooks run <hook>`. */
export async function runGitHook(root: string, hook: GitHookName): Promise<GitHookResult> {
  return hook === "pre-commit" ? preCommit(root) : prePush(root);
}

async function preCommit(root: string): Promise<PreCommitResult> {
  const repository = await requireGitRepository(root);
  const staged = await stagedPaths(repository);
  const specsFolder = `${repository.prefix}.kiro/specs/`;
  const touched = new Map<string, Set<string>>();
  for (const path of staged) {
    if (!path.startsWith(specsFolder)) continue;
    const [spec = "", ...rest] = path.slice(specsFolder.length).split("/");
    if (spec === "" || rest.length === 0) continue;
    const files = touched.get(spec) ?? new Set<string>();
    files.add(rest.join("/"));
    touched.set(spec, files);
  }
  const specs = [...touched.keys()].sort();
  if (specs.length === 0) return { hook: "pre-commit", specs, diagnostics: [], designWithoutTasks: [], passed: true };
  const report = await runCheck({ cwd: root, root, paths: specs.map((spec) => `.kiro/specs/${spec}`) });
  const designWithoutTasks: string[] = [];
  for (const spec of specs) {
    const files = touched.get(spec) ?? new Set<string>();
    if (!files.has("design.md") || files.has("tasks.md")) continue;
    try {
      const approvals = await getApprovals({ root, spec });
      const state = (phase: string) => approvals.phases.find((entry) => entry.phase === phase)?.state;
      if (state("design") === "changed-since-approval" && state("tasks") !== "changed-since-approval") {
        designWithoutTasks.push(spec);
      }
    } catch {
      // A spec deleted in this commit, or an unreadable approvals file: check reports what matters.
    }
  }
  const passed = !report.diagnostics.some((diagnostic) => diagnostic.severity === "error");
  return { hook: "pre-commit", specs, diagnostics: report.diagnostics, designWithoutTasks, passed };
}

async function prePush(root: string): Promise<PrePushResult> {
  const repository = await requireGitRepository(root);
  const upstream = await resolveCommit(repository, "@{upstream}");
  if (upstream === undefined) return { hook: "pre-push", drift: undefined, passed: true };
  return { hook: "pre-push", drift: await computeDrift({ cwd: root, root, base: "@{upstream}" }), passed: true };
}
