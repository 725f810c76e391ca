import { z } from "zod";

/** When a 0.x hook fires. Unknown keys are kept: Kiro versions added fields over time. */
export const LegacyHookWhenSchema = z
  .looseObject({
    type: z.string().describe("The event: fileEdited, fileCreated, fileDeleted, userTriggered, agentStop, …"),
    patterns: z.array(z.string()).optional().describe("Globs of the files whose events fire the hook (file events)."),
    toolTypes: z
      .array(z.string())
      .optional()
      .describe("Tool categories for preToolUse/postToolUse (`write`, `read`…)."),
    button_text: z.string().optional().describe("Label of the button that runs a manual hook."),
  })
  .describe("The trigger of a Kiro 0.x hook.");

/** What a 0.x hook does. */
export const LegacyHookThenSchema = z
  .looseObject({
    type: z.string().describe("The action: askAgent (prompt), runCommand or shell (command), sendMessage (message)."),
    prompt: z.string().optional().describe("The prompt sent to the agent (askAgent)."),
    command: z.string().optional().describe("The shell command to run (runCommand, shell)."),
    message: z.string().optional().describe("The message sent to the chat (sendMessage)."),
    timeout: z.number().optional().describe("Seconds a command may run before it is stopped."),
  })
  .superRefine((then, context) => {
    const needs: Readonly<Record<string, "prompt" | "command" | "message">> = {
      askAgent: "prompt",
      runCommand: "command",
      shell: "command",
      sendMessage: "message",
    };
    const field = needs[then.type];
    if (field && then[field] === undefined) {
      context.addIssue({
        code: "custom",
        path: [field],
        message: `the "${then.type}" action needs a "${field}".`,
      });
    }
  })
  .describe("The action of a Kiro 0.x hook.");

/** A Kiro 0.x hook: one JSON object per `.kiro/hooks/<name>.kiro.hook` file. */
export const LegacyHookSchema = z
  .looseObject({
    enabled: z.boolean().optional().describe("Whether the hook runs; Kiro writes true for new hooks."),
    name: z.string().describe("The name shown in Kiro's hook panel."),
    description: z.string().optional().describe("What the hook is for."),
    version: z.string().optional().describe('Format version as written by Kiro: "1", "1.0.0", "2".'),
    when: LegacyHookWhenSchema,
    // biome-ignore lint/suspicious/noThenProperty: Kiro's 0.x hook format names the action "then".
    then: LegacyHookThenSchema,
    shortName: z.string().optional().describe("A short identifier some Kiro versions add."),
    workspaceFolderName: z.string().optional().describe("The workspace folder the hook belongs to."),
  })
  .describe("A Kiro 0.x hook file (`.kiro.hook`).");

export type LegacyHookWhen = z.output<typeof LegacyHookWhenSchema>;
export type LegacyHookThen = z.output<typeof LegacyHookThenSchema>;
export type LegacyHook = z.output<typeof LegacyHookSchema>;
