import { errorCodeOf } from "./error-code.js";

/**
 * Whether a process with this pid exists on this host. Signal 0 checks without sending anything:
 * ESRCH means no such process; EPERM means it exists but belongs to another user (so: alive).
 * Any other doubt counts as alive, because wrongly breaking a live lock is worse than waiting.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCodeOf(error) !== "ESRCH";
  }
}
