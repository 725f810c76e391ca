import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { recordedRuns } from "../../../engine/dashboard/recorded-runs.js";
import { RUN_MODES } from "../../../engine/runner/run-events.js";
import type { DashboardContext } from "../dashboard-context.js";
import { dashboardRootOf } from "../dashboard-root-of.js";
import { readBody } from "../request-body.js";

const StartBody = z.object({
  root: z.string().default("0"),
  spec: z.string().min(1),
  taskIds: z.array(z.string().min(1)).optional(),
  all: z.boolean().optional(),
  mode: z.enum(RUN_MODES as ["autopilot", "supervised"]).default("autopilot"),
  includeOptional: z.boolean().optional(),
  interrupted: z.enum(["resume", "reset"]).optional(),
  answers: z
    .record(z.string(), z.string())
    .optional()
    .describe("Answers to the questions of paused tasks, by question id (as `run --answer <id>=<text>`)."),
});

const ReviewBody = z.object({
  rejectedPaths: z.array(z.string()).describe("Files to put back as they were at the last review; [] accepts all."),
  message: z.string().optional().describe("What the reviewer tells the model."),
});

const QuestionBody = z.object({ answer: z.string() });
const CommandBody = z.object({ allow: z.boolean() });

/** Runs started from the page: start, follow (SSE), answer reviews and questions, cancel. */
export function registerRunRoutes(app: Hono, context: DashboardContext): void {
  app.get("/api/runs", async (c) => {
    const live = context.runs.list();
    // A run of this start is on disk too once it ended: the live entry (with its events) is the one shown.
    const shown = new Set(live.map((run) => run.engineRunId));
    const recorded = (await recordedRuns(context.roots)).filter((run) => !shown.has(run.runId));
    return c.json({ runs: [...live.map((run) => run.describe()), ...recorded] });
  });

  app.post("/api/runs", async (c) => {
    const body = await readBody(c, StartBody);
    const run = await context.runs.start({
      root: dashboardRootOf(context.roots, body.root),
      spec: body.spec,
      mode: body.mode,
      ...(body.taskIds === undefined ? {} : { taskIds: body.taskIds }),
      ...(body.all === undefined ? {} : { all: body.all }),
      ...(body.includeOptional === undefined ? {} : { includeOptional: body.includeOptional }),
      ...(body.interrupted === undefined ? {} : { interrupted: body.interrupted }),
      ...(body.answers === undefined ? {} : { answers: new Map(Object.entries(body.answers)) }),
    });
    return c.json({ runId: run.id }, 202);
  });

  app.get("/api/runs/:runId", (c) => c.json(context.runs.get(c.req.param("runId")).describe()));

  app.get("/api/runs/:runId/events", (c) => {
    const run = context.runs.get(c.req.param("runId"));
    const last = Number(c.req.header("last-event-id"));
    return streamSSE(c, async (stream) => {
      let index = Number.isInteger(last) && last >= 0 ? last + 1 : 0;
      let closed = false;
      let wake: () => void = () => undefined;
      const aborted = new Promise<void>((resolve) => {
        wake = resolve;
      });
      stream.onAbort(() => {
        closed = true;
        wake();
      });
      while (!closed) {
        for (; index < run.messages.length; index++) {
          const message = run.messages[index];
          if (message === undefined) continue;
          await stream.writeSSE({ id: String(index), event: message.event, data: JSON.stringify(message.data) });
        }
        if (run.messages.at(-1)?.event === "end") break;
        await Promise.race([run.next(), aborted]);
      }
    });
  });

  app.post("/api/runs/:runId/reviews/:reviewId", async (c) => {
    const body = await readBody(c, ReviewBody);
    return answer(context, c.req.param("runId"), "review", c.req.param("reviewId"), {
      rejectedPaths: body.rejectedPaths,
      ...(body.message === undefined ? {} : { message: body.message }),
    });
  });

  app.post("/api/runs/:runId/questions/:questionId", async (c) => {
    const body = await readBody(c, QuestionBody);
    return answer(context, c.req.param("runId"), "question", c.req.param("questionId"), body.answer);
  });

  app.post("/api/runs/:runId/commands/:commandId", async (c) => {
    const body = await readBody(c, CommandBody);
    return answer(context, c.req.param("runId"), "command", c.req.param("commandId"), body.allow);
  });

  app.post("/api/runs/:runId/cancel", async (c) => {
    await readBody(c, z.object({}).loose());
    context.runs.cancel(c.req.param("runId"));
    return c.json({ ok: true });
  });
}

function answer(
  context: DashboardContext,
  runId: string,
  kind: "review" | "question" | "command",
  id: string,
  value: unknown,
): Response {
  const run = context.runs.get(runId);
  if (run.answer(kind, id, value)) return Response.json({ ok: true });
  return Response.json(
    {
      error: {
        code: "not-found",
        message: `Run ${runId} waits for no ${kind} "${id}" (answered already, or the run ended).`,
        fix: "Look at the run's pending answers with GET /api/runs/<id>.",
      },
    },
    { status: 404 },
  );
}
