import type { RunMode } from "./run-events.js";
import type { ReviewFileDiff } from "./runner-services.js";

/** A supervised pause: what the model changed in its last turn, file by file. */
export interface ApprovalRequest {
  readonly taskId: string;
  readonly step: number;
  readonly files: readonly ReviewFileDiff[];
}

/**
 * The answer: files to put back as they were at the last review, and a message for the model (a rejection
 * with reasons). Accepting everything is `{ rejectedPaths: [] }`.
 */
export interface ApprovalResponse {
  readonly rejectedPaths: readonly string[];
  readonly message?: string;
}

export type ApprovalPolicyDecision = "allow" | "ask";

/** Autopilot accepts every turn; supervised asks. Pure, so a surface only handles "ask". */
export function approvalPolicy(mode: RunMode, files: readonly ReviewFileDiff[]): ApprovalPolicyDecision {
  if (mode === "autopilot" || files.length === 0) return "allow";
  return "ask";
}

/** The message the model gets after a review that rejected something, or undefined when all was accepted. */
export function reviewFeedback(response: ApprovalResponse): string | undefined {
  const parts: string[] = [];
  if (response.rejectedPaths.length > 0) {
    parts.push(
      `The reviewer rejected your changes to ${response.rejectedPaths.join(", ")}; those files were put back as they were at the last review (or before the task).`,
    );
  }
  const message = response.message?.trim();
  if (message) parts.push(`The reviewer says: ${message}`);
  if (parts.length === 0) return undefined;
  parts.push("Take this into account and continue with the task.");
  return parts.join("\n");
}
