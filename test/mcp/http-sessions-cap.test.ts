import { describe, expect, it } from "vitest";
import { HttpSessions } from "../../src/mcp/http-sessions.js";

describe("HttpSessions' cap", () => {
  it("counts initializes still in progress, so that concurrent ones cannot overshoot it", async () => {
    const sessions = new HttpSessions({ idleTimeoutMs: 0, maxSessions: 2 }, () => undefined);
    expect(sessions.refusal()).toBeUndefined();
    const finish: (() => void)[] = [];
    const opening = [1, 2].map(() => sessions.opened(() => new Promise<void>((resolve) => finish.push(resolve))));
    expect(sessions.refusal()).toBe(
      "Too many sessions: 2 are live. Close unused ones (DELETE with their Mcp-Session-Id) or start the server with a higher --max-sessions.",
    );
    for (const resolve of finish) resolve();
    await Promise.all(opening);
    // Neither initialize made a session (as when the transport answers 400): both places are free again.
    expect(sessions.refusal()).toBeUndefined();
    expect(sessions.size).toBe(0);
  });

  it("frees the place of an initialize that failed, and says when idle sessions expire", async () => {
    const sessions = new HttpSessions({ idleTimeoutMs: 90_000, maxSessions: 1 }, () => undefined);
    await expect(sessions.opened(() => Promise.reject(new Error("broken request")))).rejects.toThrow("broken request");
    expect(sessions.refusal()).toBeUndefined();
    const pending = sessions.opened(() => new Promise<void>((resolve) => setImmediate(resolve)));
    expect(sessions.refusal()).toMatch(/Idle sessions close after 90 s\.$/);
    await pending;
  });
});
