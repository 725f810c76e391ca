import { EngineError } from "../errors/engine-error.js";
import type { CheckpointStage } from "./checkpoint-types.js";

/** Where every checkpoint lives: outside `refs/heads`, `refs/tags` and `refs/stash`, so no git command shows it by default. */
export const CHECKPOINT_REF_PREFIX = "refs/specwright/checkpoints/";

/** The working tree just before a revert, so the revert can be undone too. */
export const REVERT_BACKUP_STAGE = "before-revert";

/** `refs/specwright/checkpoints/<spec>/<task-id>/<stage>`; refuses names git could not store as a ref. */
export function checkpointRef(
  spec: string,
  taskId: string,
  stage: CheckpointStage | typeof REVERT_BACKUP_STAGE,
): string {
  assertRefComponent("spec", spec);
  assertRefComponent("task id", taskId);
  return `${specRefPrefix(spec)}${taskId}/${stage}`;
}

export function specRefPrefix(spec: string): string {
  assertRefComponent("spec", spec);
  return `${CHECKPOINT_REF_PREFIX}${spec}/`;
}

/** Splits a checkpoint ref back into its parts, or undefined for any other ref. */
export function parseCheckpointRef(ref: string): { spec: string; taskId: string; stage: string } | undefined {
  if (!ref.startsWith(CHECKPOINT_REF_PREFIX)) return undefined;
  const parts = ref.slice(CHECKPOINT_REF_PREFIX.length).split("/");
  if (parts.length !== 3) return undefined;
  const [spec = "", taskId = "", stage = ""] = parts;
  return { spec, taskId, stage };
}

/** Letters, digits, `.`, `_` and `-`, as spec names and task ids are; never what git forbids in a ref. */
export function isRefComponent(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value) && !value.includes("..") && !/(\.lock|\.)$/.test(value);
}

function assertRefComponent(what: string, value: string): void {
  if (isRefComponent(value)) return;
  throw new EngineError({
    code: "invalid-checkpoint-name",
    kind: "usage",
    message: `"${value}" cannot name a checkpoint: a ${what} is letters, digits, ".", "_" and "-".`,
    fix: `Pass the ${what} as tasks.md and .kiro/specs/ spell it, e.g. "rate-limiting" and "2.1".`,
  });
}
