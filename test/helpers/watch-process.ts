import { type ChildProcessByStdio, spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { CLI_PATH } from "./run-cli.js";

/** `specwright watch --json` running in a folder, with its events as they arrive. */
export interface WatchProcess {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly events: Record<string, unknown>[];
  /** Waits (polling, up to `timeoutMs`) until `count` events satisfy `test`; returns them. */
  waitFor(
    test: (event: Record<string, unknown>) => boolean,
    count?: number,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>[]>;
  stderr(): string;
}

export async function startWatch(cwd: string, args: readonly string[] = []): Promise<WatchProcess> {
  const child = spawn(process.execPath, [CLI_PATH, "watch", "--json", ...args], {
    cwd,
    env: { ...process.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const events: Record<string, unknown>[] = [];
  let buffer = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) if (line.trim() !== "") events.push(JSON.parse(line) as Record<string, unknown>);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const watch: WatchProcess = {
    child,
    events,
    async waitFor(test, count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.filter(test);
        if (found.length >= count) return found;
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(
            `watch: ${count} matching event(s) never came; events: ${JSON.stringify(events)}; stderr: ${stderr}`,
          );
        }
        await sleep(25);
      }
    },
    stderr: () => stderr,
  };
  await watch.waitFor((event) => event.type === "ready");
  return watch;
}

/** Pids of live processes whose command line contains `marker` (a unique argument the test chose). */
export async function processesWith(marker: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = (await readFile(`/proc/${entry}/cmdline`, "utf8")).replaceAll("\0", " ");
      const status = await readFile(`/proc/${entry}/stat`, "utf8");
      const zombie = status.slice(status.lastIndexOf(")") + 2).startsWith("Z");
      if (!zombie && commandLine.includes(marker) && Number(entry) !== process.pid) pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}
