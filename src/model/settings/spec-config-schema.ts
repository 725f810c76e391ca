import { z } from "zod";

export { SPEC_TYPES, SPEC_WORKFLOW_TYPES, type SpecType, type SpecWorkflowType } from "./spec-config-values.js";

/** `.kiro/specs/<name>/.config.kiro`: how Kiro created the spec. Values are kept as written. */
export const SpecConfigSchema = z
  .looseObject({
    specId: z.string().optional().describe("A UUID Kiro gives the spec."),
    workflowType: z.string().optional().describe("requirements-first, design-first or fast-task."),
    specType: z.string().optional().describe("feature or bugfix."),
    generationMode: z.string().optional().describe("Older Kiro versions: the workflow, such as requirements-first."),
    origin: z
      .union([
        z.literal("from-code").describe("An as-built spec, read from existing code by `specwright new --from-code`."),
        z.looseObject({
          prompt: z.string().describe("The prompt `specwright new` was given."),
          answers: z
            .array(z.looseObject({ id: z.string(), question: z.string(), answer: z.string() }))
            .describe("The clarifying questions and their answers."),
        }),
      ])
      .optional()
      .describe("Specwright: where the spec came from, written by `specwright new` with a model."),
    paths: z
      .array(z.string())
      .optional()
      .describe(
        "Specwright: globs (relative to the workspace root) of the code this spec owns, for `specwright drift --base`.",
      ),
  })
  .describe("A spec's `.config.kiro` file.");

export type SpecConfig = z.output<typeof SpecConfigSchema>;
