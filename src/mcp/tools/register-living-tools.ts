import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { computeDrift } from "../../engine/drift/compute-drift.js";
import { applyPlanUpdate } from "../../engine/impact/apply-plan-update.js";
import { impactJson } from "../../engine/impact/impact-json.js";
import { specImpact } from "../../engine/impact/spec-impact.js";
import type { ServerContext } from "../server-context.js";
import { runTool, toolSuccess } from "../tool-result.js";
import { specArgument } from "./spec-schemas.js";

const impactOutput = {
  root: z.string(),
  spec: z.string(),
  summary: z.string().describe("One line of what changed; empty when nothing did."),
  documents: z.array(z.looseObject({ document: z.string(), baseline: z.string(), changed: z.boolean() })),
  analysis: z.looseObject({ criteria: z.array(z.looseObject({ kind: z.string() })) }),
  codeFiles: z.array(z.looseObject({ taskId: z.string(), files: z.array(z.string()) })),
};

const driftOutput = {
  root: z.string(),
  repositoryRoot: z.string(),
  specs: z.array(z.string()),
  base: z.looseObject({ ref: z.string(), commit: z.string(), mergeBase: z.string() }).optional(),
  tasks: z
    .array(z.looseObject({ spec: z.string(), taskId: z.string(), files: z.array(z.looseObject({ path: z.string() })) }))
    .describe("Done tasks whose files a later commit changed again."),
  unspecified: z
    .array(z.looseObject({ spec: z.string(), files: z.array(z.string()) }))
    .describe("With base: code a spec owns that changed while none of its documents did."),
};

const updateOutput = {
  spec: z.string(),
  file: z.string(),
  changed: z.boolean(),
  diff: z.string(),
  waves: z
    .object({
      status: z.enum(["written", "not-written"]),
      file: z.string().optional(),
      changed: z.boolean().optional(),
      waves: z.array(z.array(z.string())).optional(),
      code: z.string().optional(),
      message: z.string().optional(),
      fix: z.string().optional(),
    })
    .optional()
    .describe("The plan's waves written into tasks.meta.json (Kiro's format) when tasks.md changed, or why not."),
};

/** get_impact, get_drift and update_plan: keeping a spec true after its first run. */
export function registerLivingTools(server: McpServer, context: ServerContext): void {
  server.registerTool(
    "get_impact",
    {
      title: "What changed in a spec since approval",
      description:
        "Criteria added, removed, reworded or renumbered since requirements.md was approved (and design/tasks changes), with the design sections, properties and tasks each touches, the done tasks verified against an older text, and the code files those tasks changed. Call it before revising design.md or tasks.md after a requirements change.",
      inputSchema: { spec: specArgument },
      outputSchema: impactOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ spec }) =>
      runTool(async () => {
        const impact = await specImpact({ ...context.workspace, spec });
        return toolSuccess(impactJson(impact), impact.summary || `${impact.spec}: no change since approval.`);
      }),
  );

  server.registerTool(
    "get_drift",
    {
      title: "Code that moved away from its spec",
      description:
        "For each done task, the files it changed that a later commit changed again (with the commits); with base (a pull request's base branch), also the code a spec owns that changed since base while none of the spec's documents did.",
      inputSchema: {
        spec: specArgument.optional().describe("One spec; default every spec."),
        base: z.string().optional().describe("A git ref to compare with, e.g. origin/main."),
      },
      outputSchema: driftOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ spec, base }) =>
      runTool(async () => {
        const report = await computeDrift({
          ...context.workspace,
          ...(spec === undefined ? {} : { spec }),
          ...(base === undefined ? {} : { base }),
        });
        const count = report.tasks.length + report.unspecified.length;
        return toolSuccess(
          { ...report },
          count === 0 ? "No drift." : `${count} finding(s); see the structured result.`,
        );
      }),
  );

  server.registerTool(
    "update_plan",
    {
      title: "Write a revised tasks.md after a requirements change",
      description:
        "Write tasks.md revised from get_impact. It is written only if it keeps every done task (id, marker, text) the impact does not name, renumbers nothing, numbers new tasks after the existing ones, keeps tasks whose criteria were removed (unless prune), covers every new or changed criterion, and tasks.md is still what you read (baseSha256). The tasks approval resets; ask the user to review it.",
      inputSchema: {
        spec: specArgument,
        content: z.string().describe("The whole revised tasks.md."),
        baseSha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional()
          .describe("SHA-256 of tasks.md as you read it; the write is refused if it changed since."),
        prune: z.boolean().optional().describe("Allow deleting tasks whose every criterion was removed."),
      },
      outputSchema: updateOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ spec, content, baseSha256, prune }) =>
      runTool(async () => {
        const result = await applyPlanUpdate({
          ...context.workspace,
          spec,
          content,
          ...(baseSha256 === undefined ? {} : { baseSha256 }),
          ...(prune === undefined ? {} : { prune }),
        });
        const { waves, ...written } = result;
        return toolSuccess(
          {
            ...written,
            ...(waves === undefined
              ? {}
              : {
                  waves:
                    waves.status === "written"
                      ? {
                          status: waves.status,
                          file: waves.waves.file,
                          changed: waves.waves.changed,
                          waves: waves.waves.stored.map((wave) => [...wave]),
                        }
                      : { status: waves.status, code: waves.code, message: waves.message, fix: waves.fix },
                }),
          },
          result.changed ? `Wrote ${result.file}; its approval was reset.` : "Nothing changed.",
        );
      }),
  );
}

/** The resources a change to a spec document also changes: its impact (and, for tasks.md, its drift). */
export function derivedResourceUris(spec: string, document: string): string[] {
  const encoded = encodeURIComponent(spec);
  return [`specwright://impact/${encoded}`, ...(document === "tasks.md" ? [`specwright://drift/${encoded}`] : [])];
}

/** `specwright://impact/<spec>` and `specwright://drift/<spec>`: get_impact and get_drift as subscribable resources. */
export function registerLivingResources(server: McpServer, context: ServerContext): void {
  const perSpec = (kind: string, title: string, read: (spec: string) => Promise<unknown>) =>
    server.registerResource(
      `spec-${kind}`,
      new ResourceTemplate(`specwright://${kind}/{spec}`, { list: undefined }),
      { title, mimeType: "application/json" },
      async (uri, variables) => {
        const value = await read(decodeURIComponent(String(variables.spec)));
        return { contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(value, null, 2) }] };
      },
    );
  perSpec("impact", "Impact of a spec's changes since approval", async (spec) =>
    impactJson(await specImpact({ ...context.workspace, spec })),
  );
  perSpec("drift", "Drift of a spec's done tasks", (spec) => computeDrift({ ...context.workspace, spec }));
}
