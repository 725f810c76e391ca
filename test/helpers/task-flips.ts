import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/** Anything that calls a Specwright MCP tool: an in-memory client or a server process's client. */
interface ToolCaller {
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
}

/** A plan of `count` independent tasks (`- [ ] n. Task n`), each tracing to `requirement` when given. */
export function independentTasks(count: number, requirement?: string): string {
  const lines = ["# Implementation Plan", ""];
  for (let index = 1; index <= count; index += 1) {
    lines.push(`- [ ] ${index}. Task ${index}`);
    if (requirement !== undefined) lines.push(`  - _Requirements: ${requirement}_`);
  }
  return `${lines.join("\n")}\n`;
}

/** Sets tasks 1…`count` of `rate-limiting` to done all at once, alternating between two clients. */
export async function flipTasksAtOnce(
  first: ToolCaller,
  second: ToolCaller,
  count: number,
): Promise<{ readonly ids: string[]; readonly results: CallToolResult[] }> {
  const ids = Array.from({ length: count }, (_, index) => String(index + 1));
  const results = await Promise.all(
    ids.map((id, index) =>
      (index % 2 === 0 ? first : second).call("set_task_status", { spec: "rate-limiting", taskId: id, status: "done" }),
    ),
  );
  return { ids, results };
}
