import { BLOCKING_EVENTS, type HookEvent } from "../../model/hooks/hook-events.js";

/** What a finished hook means for the event it ran for. */
export type HookVerdict =
  | { readonly kind: "ok" }
  | { readonly kind: "blocked"; readonly reason: string }
  | { readonly kind: "failed"; readonly reason: string };

/** The exit code a hook uses to stop a pre-tool-use or pre-task event (Kiro's and Claude Code's convention). */
export const BLOCKING_EXIT_CODE = 2;

/**
 * Exit 0 is fine; exit 2 on a blocking event blocks, with stderr as the reason; every other non-zero exit,
 * a time-out or a signal is reported and blocks nothing. Decided here alone, so it holds on every platform.
 */
export function hookVerdict(
  event: HookEvent,
  result: { readonly exitCode: number | null; readonly timedOut: boolean; readonly stderr: string },
): HookVerdict {
  if (result.exitCode === 0 && !result.timedOut) return { kind: "ok" };
  const stderr = result.stderr.trim();
  if (result.exitCode === BLOCKING_EXIT_CODE && BLOCKING_EVENTS.includes(event)) {
    return { kind: "blocked", reason: stderr === "" ? "A hook blocked this (exit 2) without saying why." : stderr };
  }
  const what = result.timedOut
    ? "timed out"
    : result.exitCode === null
      ? "was killed by a signal"
      : `exited ${result.exitCode}`;
  return { kind: "failed", reason: stderr === "" ? `The hook ${what}.` : `The hook ${what}: ${stderr}` };
}
