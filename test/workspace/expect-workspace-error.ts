import { expect } from "vitest";
import { WorkspaceError, type WorkspaceErrorCode } from "../../src/workspace/workspace-error.js";

/** Awaits a promise that must reject with a WorkspaceError of `code` carrying a fix, and returns that error. */
export async function expectWorkspaceError(
  promise: Promise<unknown>,
  code: WorkspaceErrorCode,
): Promise<WorkspaceError> {
  const outcome = await promise.then(
    (value: unknown) => ({ rejected: false as const, value }),
    (reason: unknown) => ({ rejected: true as const, reason }),
  );
  if (!outcome.rejected) throw new Error(`expected a "${code}" WorkspaceError, but it resolved`);
  expect(outcome.reason).toBeInstanceOf(WorkspaceError);
  const error = outcome.reason as WorkspaceError;
  expect(error.code).toBe(code);
  expect(error.fix.length).toBeGreaterThan(0);
  return error;
}
