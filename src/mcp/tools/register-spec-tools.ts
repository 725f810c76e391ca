import { join } from "node:path";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { runCheck } from "../../engine/check/run-check.js";
import { exportSpec } from "../../engine/export/export-spec.js";
import { listSpecs } from "../../engine/workspace-model/list-specs.js";
import { loadSpec } from "../../engine/workspace-model/load-spec.js";
import { serializeDocument } from "../../model/document/kiro-document.js";
import { buildTraceMatrix } from "../../rules/traceability/trace-matrix.js";
import type { ServerContext } from "../server-context.js";
import { runTool, toolSuccess } from "../tool-result.js";
import { defineTool } from "./define-tool.js";
import { diagnosticSchema, specArgument, toToolDiagnostic } from "./spec-schemas.js";

const READ_ONLY = { readOnlyHint: true, openWorldHint: false } as const;

const LIST_SPECS_TOOL = defineTool({
  title: "List specs",
  description: "The specs of this workspace: name, type (feature or bugfix) and which documents exist.",
  inputSchema: {},
  outputSchema: {
    specs: z.array(
      z.object({
        name: z.string(),
        type: z.enum(["feature", "bugfix"]),
        documents: z.object({
          requirements: z.boolean(),
          bugfix: z.boolean(),
          design: z.boolean(),
          tasks: z.boolean(),
          config: z.boolean(),
        }),
      }),
    ),
  },
  annotations: READ_ONLY,
});

const GET_SPEC_TOOL = defineTool({
  title: "Get a spec",
  description:
    "One spec: its parsed model (requirements with EARS criteria, design properties, tasks with status and references, diagnostics of the parsers) and the raw text of each document.",
  inputSchema: {
    spec: specArgument,
    includeDocuments: z
      .boolean()
      .default(true)
      .describe("Return the raw Markdown of each document too (default true)."),
  },
  outputSchema: {
    model: z.looseObject({ schemaVersion: z.number() }).describe("The same JSON as `specwright export`."),
    documents: z
      .record(z.string(), z.string())
      .describe("Document file name (requirements.md, design.md, …) → its text."),
  },
  annotations: READ_ONLY,
});

const VALIDATE_TOOL = defineTool({
  title: "Validate",
  description:
    "Run `specwright check` on one spec, or on the whole workspace (steering, hooks and settings too) when no spec is named: EARS form, structure, traceability.",
  inputSchema: { spec: specArgument.optional().describe("One spec; omit for the whole workspace.") },
  outputSchema: {
    diagnostics: z.array(diagnosticSchema),
    summary: z.object({
      errors: z.number(),
      warnings: z.number(),
      infos: z.number(),
      files: z.number(),
      specs: z.number(),
    }),
  },
  annotations: READ_ONLY,
});

const GET_TRACE_TOOL = defineTool({
  title: "Traceability matrix",
  description:
    "Criterion → the tasks that reference it (with status) → the design properties that validate it; uncovered criteria first.",
  inputSchema: { spec: specArgument },
  outputSchema: {
    spec: z.string(),
    rows: z.array(
      z.object({
        criterion: z.string(),
        text: z.string(),
        line: z.number(),
        tasks: z.array(z.object({ id: z.string().nullable(), title: z.string(), status: z.string() })),
        properties: z.array(z.object({ number: z.string(), title: z.string() })),
      }),
    ),
    summary: z.object({ criteria: z.number(), covered: z.number(), uncovered: z.number(), done: z.number() }),
  },
  annotations: READ_ONLY,
});

/** list_specs, get_spec, validate and get_trace: reading the specs, each through the engine call the CLI uses. */
export function registerSpecTools(server: McpServer, context: ServerContext): void {
  server.registerTool("list_specs", LIST_SPECS_TOOL, () =>
    runTool(async () => {
      const list = await listSpecs(context.workspace);
      const specs = list.specs.map(({ name, type, documents }) => ({ name, type, documents }));
      const text =
        specs.length === 0
          ? "This workspace has no specs yet; create one with create_spec."
          : specs.map((spec) => `${spec.name} (${spec.type})`).join("\n");
      return toolSuccess({ specs }, text);
    }),
  );

  server.registerTool("get_spec", GET_SPEC_TOOL, ({ spec, includeDocuments }) =>
    runTool(async () => {
      const loaded = await loadSpec({ ...context.workspace, spec });
      const documents: Record<string, string> = {};
      if (includeDocuments) {
        const { requirements, bugfix, design, tasks } = loaded.model;
        for (const [name, file] of [
          ["requirements.md", requirements],
          ["bugfix.md", bugfix],
          ["design.md", design],
          ["tasks.md", tasks],
        ] as const) {
          if (file) documents[name] = serializeDocument(file.document);
        }
      }
      return toolSuccess({ model: exportSpec(loaded), documents });
    }),
  );

  server.registerTool("validate", VALIDATE_TOOL, ({ spec }) =>
    runTool(async () => {
      // Resolving the spec first turns an unknown name into the refusal with the closest names.
      const loaded = spec === undefined ? undefined : await loadSpec({ ...context.workspace, spec });
      const paths = loaded ? [join(loaded.root, loaded.model.path)] : undefined;
      // A serving process keeps a check session: only what changed since the last call is read again.
      const report = context.checks
        ? await (await context.checks()).check(paths)
        : await runCheck(
            loaded ? { cwd: loaded.root, root: loaded.root, paths: [loaded.model.path] } : context.workspace,
          );
      const diagnostics = report.diagnostics.map(toToolDiagnostic);
      const { errors, warnings } = report.summary;
      const text =
        diagnostics.length === 0
          ? "No findings."
          : [
              `${errors} error(s), ${warnings} warning(s).`,
              ...diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`),
            ].join("\n");
      return toolSuccess({ diagnostics, summary: report.summary }, text);
    }),
  );

  server.registerTool("get_trace", GET_TRACE_TOOL, ({ spec }) =>
    runTool(async () => {
      const loaded = await loadSpec({ ...context.workspace, spec });
      const matrix = buildTraceMatrix(loaded.model);
      return toolSuccess({ spec: loaded.summary.name, rows: [...matrix.rows], summary: matrix.summary });
    }),
  );
}
