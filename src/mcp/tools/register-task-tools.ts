import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { buildTaskContext } from "../../engine/context/build-task-context.js";
import { runTaskHooksOutsideRun } from "../../engine/hooks/task-hooks-outside-run.js";
import { findNextTask } from "../../engine/task-order/find-next-task.js";
import { completeTask, recordTaskStart } from "../../engine/tasks/complete-task.js";
import { updateTask } from "../../engine/tasks/update-task.js";
import type { ServerContext } from "../server-context.js";
import { runTool, toolSuccess } from "../tool-result.js";
import { defineTool } from "./define-tool.js";
import { reportProgressWhileRunning } from "./report-progress.js";
import { specArgument, taskIdArgument, taskStatusSchema } from "./spec-schemas.js";
import { summarizeTask, taskSummarySchema } from "./task-summary.js";

const WRITES = { readOnlyHint: false, destructiveHint: false, openWorldHint: false } as const;

const NEXT_TASK_TOOL = defineTool({
  title: "Next task",
  description:
    "The first task of the plan whose predecessors are done (sub-tasks before their parent). kind: task, checkpoint (run the whole test suite and ask the user), blocked (a task is still in progress: finish or reset it) or done.",
  inputSchema: {
    spec: specArgument,
    includeOptional: z.boolean().default(false).describe("Count optional tasks ([ ]*) too (default false)."),
  },
  outputSchema: {
    spec: z.string(),
    kind: z.enum(["task", "checkpoint", "blocked", "done"]),
    task: taskSummarySchema.nullable(),
    skippedOptional: z.number().describe("With kind done: unfinished optional tasks left out."),
  },
  annotations: { readOnlyHint: true, openWorldHint: false },
});

const START_TASK_TOOL = defineTool({
  title: "Start a task",
  description:
    "Mark a task in progress ([-]) and get the context to implement it: the steering that applies, the acceptance criteria the task references, and the design sections that mention them. Implement only this task, then call complete_task.",
  inputSchema: { spec: specArgument, taskId: taskIdArgument },
  outputSchema: {
    spec: z.string(),
    taskId: z.string(),
    changed: z.boolean().describe("False when the task was in progress already."),
    context: z.string().describe("The task's context as Markdown, ready to read."),
  },
  annotations: WRITES,
});

const COMPLETE_TASK_TOOL = defineTool({
  title: "Complete a task (verified)",
  description:
    "Run the project's verification (its tests) and mark the task done ([x]) ONLY when it passes and the task did not weaken it (delete, skip or change existing tests or assertions, change the test command or configuration, or Specwright's settings): then it needs a person's review (needsReview, with findings file by file). The output comes back either way: on failure, fix the code and call again. Never edit the checkbox in tasks.md yourself.",
  inputSchema: { spec: specArgument, taskId: taskIdArgument },
  outputSchema: {
    spec: z.string(),
    taskId: z.string(),
    passed: z.boolean(),
    needsReview: z
      .boolean()
      .describe("The tests passed but the task weakened them: not checked off, a person reviews it."),
    findings: z
      .array(z.object({ code: z.string(), path: z.string().optional(), message: z.string() }))
      .describe("Why the task needs review, file by file (empty when it does not)."),
    status: taskStatusSchema,
    command: z.string(),
    exitCode: z.number().nullable(),
    timedOut: z.boolean(),
    output: z.string().describe("The verification's output (head and tail kept when long)."),
    truncated: z.boolean(),
    durationMs: z.number(),
    hooks: z
      .array(z.object({ hook: z.string(), verdict: z.string(), exitCode: z.number().nullable() }))
      .describe("The post-task hooks that ran after the verification (.kiro/hooks/), with their verdicts."),
  },
  annotations: WRITES,
});

const SET_TASK_STATUS_TOOL = defineTool({
  title: "Set a task's status",
  description:
    "Change one task's checkbox in tasks.md (locked, atomic, one byte). To finish a task use complete_task, which verifies first; use this to reset, queue or reopen a task.",
  inputSchema: { spec: specArgument, taskId: taskIdArgument, status: taskStatusSchema },
  outputSchema: {
    spec: z.string(),
    taskId: z.string(),
    before: taskStatusSchema,
    after: taskStatusSchema,
    changed: z.boolean(),
  },
  annotations: { ...WRITES, idempotentHint: true },
});

/** next_task, start_task, complete_task and set_task_status: tasks.md is the only task state, changed by the engine. */
export function registerTaskTools(server: McpServer, context: ServerContext): void {
  server.registerTool("next_task", NEXT_TASK_TOOL, ({ spec, includeOptional }) =>
    runTool(async () => {
      const next = await findNextTask({ ...context.workspace, spec, includeOptional });
      const task = next.kind === "done" ? null : summarizeTask(next.task);
      const skippedOptional = next.kind === "done" ? next.skippedOptional : 0;
      const text =
        task === null
          ? `Every task of ${next.spec} is done${skippedOptional > 0 ? ` (${skippedOptional} optional left)` : ""}.`
          : `${next.kind}: ${task.id ?? ""} ${task.title}`;
      return toolSuccess({ spec: next.spec, kind: next.kind, task, skippedOptional }, text);
    }),
  );

  server.registerTool("start_task", START_TASK_TOOL, ({ spec, taskId }) =>
    runTool(async () => {
      await runTaskHooksOutsideRun({ ...context.workspace, event: "pre-task", spec, taskId });
      const update = await updateTask({ ...context.workspace, spec, id: taskId, change: { status: "in-progress" } });
      // The checkpoint complete_task compares with, to tell weakened tests from new ones.
      await recordTaskStart({ ...context.workspace, spec: update.spec, taskId: update.id });
      const taskContext = await buildTaskContext({ ...context.workspace, spec: update.spec, taskId: update.id });
      return toolSuccess(
        { spec: update.spec, taskId: update.id, changed: update.changed, context: taskContext.text },
        taskContext.text,
      );
    }),
  );

  server.registerTool("complete_task", COMPLETE_TASK_TOOL, ({ spec, taskId }, extra) =>
    runTool(async () => {
      const progress = reportProgressWhileRunning(extra, `verifying task ${taskId} of ${spec}`);
      // A cancelled request stops the verification; the task then stays as it was.
      const done = await completeTask({ ...context.workspace, spec, taskId, signal: extra.signal }).finally(
        progress.stop,
      );
      const { verification } = done;
      // After verification, with the outcome; a post-task hook reports and changes nothing.
      const hooks = await runTaskHooksOutsideRun({
        ...context.workspace,
        event: "post-task",
        spec: done.spec,
        taskId: done.taskId,
        outcome: {
          status: done.status,
          verification: { command: verification.command, passed: done.passed, exitCode: verification.exitCode },
        },
      }).catch(() => undefined);
      const structured = {
        spec: done.spec,
        taskId: done.taskId,
        passed: done.passed,
        needsReview: done.needsReview,
        findings: [...(done.integrity?.findings ?? [])],
        status: done.status,
        command: verification.command,
        exitCode: verification.exitCode,
        timedOut: verification.timedOut,
        output: verification.output,
        truncated: verification.truncated,
        durationMs: verification.durationMs,
        hooks: (hooks?.results ?? []).map((run) => ({
          hook: run.hook,
          verdict: run.verdict.kind,
          exitCode: run.exitCode,
        })),
      };
      const verdict = done.needsReview
        ? `Verification passed (${verification.command}), but task ${done.taskId} is NOT checked off: it changed its own verification, so a person must review it:\n${(done.integrity?.findings ?? []).map((finding) => `- ${finding.message}`).join("\n")}\nDo not try to work around this; tell the user.`
        : done.passed
          ? `Verification passed (${verification.command}); task ${done.taskId} is done.`
          : `Verification FAILED (${verification.command}${verification.timedOut ? ", timed out" : `, exit ${verification.exitCode}`}); task ${done.taskId} stays ${done.status}. Fix the failures and call complete_task again.`;
      return toolSuccess(structured, `${verdict}\n\n${verification.output}`);
    }),
  );

  server.registerTool("set_task_status", SET_TASK_STATUS_TOOL, ({ spec, taskId, status }) =>
    runTool(async () => {
      const update = await updateTask({ ...context.workspace, spec, id: taskId, change: { status } });
      return toolSuccess(
        {
          spec: update.spec,
          taskId: update.id,
          before: update.before.status,
          after: update.after.status,
          changed: update.changed,
        },
        update.changed
          ? `${update.spec} task ${update.id}: ${update.before.status} → ${update.after.status}`
          : `${update.spec} task ${update.id} is already ${update.after.status}; nothing written.`,
      );
    }),
  );
}
