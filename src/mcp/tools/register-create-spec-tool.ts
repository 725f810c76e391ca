import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { checkCandidateDocument } from "../../engine/authoring/check-candidate-document.js";
import { SPEC_DOCUMENT_KINDS } from "../../engine/authoring/spec-document-kind.js";
import { writeSpecDocument } from "../../engine/authoring/write-spec-document.js";
import { EngineError } from "../../engine/errors/engine-error.js";
import { createNewSpec } from "../../engine/new-spec/new-spec.js";
import { relativeToRoot } from "../../engine/workspace-model/read-workspace-files.js";
import type { ServerContext } from "../server-context.js";
import { runTool, toolSuccess } from "../tool-result.js";
import { defineTool } from "./define-tool.js";
import { diagnosticSchema, specArgument, toToolDiagnostic } from "./spec-schemas.js";

const createSpecInput = z
  .object({
    spec: specArgument.describe("The new spec's kebab-case name, e.g. rate-limiting."),
    type: z
      .enum(["feature", "bugfix"])
      .optional()
      .describe("Scaffolding only: what the spec is for (default feature)."),
    workflow: z
      .enum(["requirements-first", "design-first"])
      .optional()
      .describe("Scaffolding only: which document comes first (default requirements-first)."),
    document: z
      .enum(SPEC_DOCUMENT_KINDS)
      .optional()
      .describe("With content: which document the content is (requirements, bugfix, design or tasks)."),
    content: z
      .string()
      .optional()
      .describe("The document's full Markdown, checked with the `check` rules before it is written."),
    force: z.boolean().default(false).describe("With content: replace the document when it exists already."),
  })
  .refine((input) => (input.document === undefined) === (input.content === undefined), {
    message: "Pass document and content together (to write a document), or neither (to scaffold templates).",
  });

const CREATE_SPEC_TOOL = defineTool({
  title: "Create a spec or write one of its documents",
  description: [
    "Without content: create .kiro/specs/<spec>/ with Kiro's template documents (refused if it exists).",
    "With document + content: write requirements.md, bugfix.md, design.md or tasks.md after running the `check` rules on it;",
    "content with errors is NOT written and the diagnostics come back (isError) — fix them and call again.",
    "An existing document is replaced only with force: true. Ask the user to approve each phase before writing the next.",
  ].join(" "),
  inputSchema: createSpecInput,
  outputSchema: {
    spec: z.string(),
    written: z.boolean().describe("Whether anything was written."),
    files: z.array(z.string()).describe("Files written, relative to the workspace root."),
    diagnostics: z.array(diagnosticSchema).describe("Findings of the spec with the new content in place."),
    errors: z.number(),
    warnings: z.number(),
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
});

/**
 * create_spec: without content, scaffolds `.kiro/specs/<name>/` from templates (`specwright new`); with content,
 * writes that document only when the `check` rules find no error in it, else returns the diagnostics.
 */
export function registerCreateSpecTool(server: McpServer, context: ServerContext): void {
  server.registerTool("create_spec", CREATE_SPEC_TOOL, (input) =>
    runTool(async () => {
      if (input.document === undefined || input.content === undefined) {
        const created = await createNewSpec({
          ...context.workspace,
          name: input.spec,
          ...(input.type ? { type: input.type } : {}),
          ...(input.workflow ? { workflow: input.workflow } : {}),
        });
        const files = created.files.map((file) => relativeToRoot(created.root, file));
        return toolSuccess(
          { spec: created.spec, written: true, files, diagnostics: [], errors: 0, warnings: 0 },
          `Created ${files.join(", ")}. Fill in ${files[0] ?? "the first document"} next, then ask the user to approve it.`,
        );
      }
      const document = { ...context.workspace, spec: input.spec, document: input.document, content: input.content };
      try {
        const written = await writeSpecDocument({ ...document, force: input.force });
        const diagnostics = written.check.findings.map(toToolDiagnostic);
        const files = [written.file];
        return toolSuccess(
          {
            spec: input.spec,
            written: true,
            files,
            diagnostics,
            errors: written.check.errors,
            warnings: written.check.warnings,
          },
          `Wrote ${written.file} (${written.check.warnings} warning(s) in the spec). Ask the user to review and approve it before the next phase.`,
        );
      } catch (error) {
        if (!(error instanceof EngineError) || error.code !== "document-has-errors") throw error;
        const check = await checkCandidateDocument(document);
        const diagnostics = check.findings.map(toToolDiagnostic);
        const result = toolSuccess(
          {
            spec: input.spec,
            written: false,
            files: [],
            diagnostics,
            errors: check.errors,
            warnings: check.warnings,
          },
          [
            `${error.message} Nothing was written. Fix these and call create_spec again:`,
            ...diagnostics
              .filter((d) => d.severity === "error")
              .map((d) => `${d.file}:${d.line} ${d.rule}: ${d.message} (fix: ${d.fix})`),
          ].join("\n"),
        );
        return { ...result, isError: true };
      }
    }),
  );
}
