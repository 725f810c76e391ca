import { z } from "zod";

/** What a Kiro 1.0 hook does. */
export const HookV1ActionSchema = z
  .looseObject({
    type: z.string().describe("`command` (runs `command`) or `agent` (sends `prompt` to the agent)."),
    command: z.string().optional().describe("The shell command of a `command` action."),
    prompt: z.string().optional().describe("The prompt of an `agent` action."),
  })
  .superRefine((action, context) => {
    const field = action.type === "command" ? "command" : action.type === "agent" ? "prompt" : undefined;
    if (field && action[field] === undefined) {
      context.addIssue({ code: "custom", path: [field], message: `the "${action.type}" action needs a "${field}".` });
    }
  })
  .describe("The action of a Kiro 1.0 hook.");

/** One hook of a Kiro 1.0 hook file. */
export const HookV1Schema = z
  .looseObject({
    name: z.string().describe("Identifier of the hook, usually kebab-case (`lint-on-save`)."),
    trigger: z.string().describe("The event: SessionStart, UserPromptSubmit, PreToolUse, PostFileSave, …"),
    matcher: z.string().optional().describe("A regular expression on the file path or tool name the event concerns."),
    action: HookV1ActionSchema,
    timeout: z.number().optional().describe("Seconds the action may run."),
    enabled: z.boolean().optional().describe("Whether the hook runs (default true)."),
  })
  .describe("A Kiro 1.0 hook.");

/** A Kiro 1.0 / CLI v3 hook file: `.kiro/hooks/<name>.json`. */
export const HookFileSchema = z
  .looseObject({
    version: z.string().describe('Format version; Kiro 1.0 writes "v1".'),
    hooks: z.array(HookV1Schema).describe("The hooks of the file, run in order."),
  })
  .describe("A Kiro 1.0 hook file (`.kiro/hooks/*.json`).");

export type HookV1Action = z.output<typeof HookV1ActionSchema>;
export type HookV1 = z.output<typeof HookV1Schema>;
export type HookFile = z.output<typeof HookFileSchema>;
