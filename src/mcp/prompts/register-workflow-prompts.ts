import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { createSpecPromptText, executeTaskPromptText, refineSpecPromptText } from "./workflow-prompt-texts.js";

const userMessage = (text: string) => ({
  messages: [{ role: "user" as const, content: { type: "text" as const, text } }],
});

const CREATE_SPEC_PROMPT = {
  title: "Create a spec",
  description: "Write requirements, design and tasks for a feature, stopping for the user's approval after each.",
  argsSchema: {
    spec: z.string().min(1).describe("The spec's kebab-case name, e.g. rate-limiting."),
    idea: z.string().min(1).describe("What the feature is, in a sentence or a paragraph."),
  },
};

const EXECUTE_TASK_PROMPT = {
  title: "Execute a task",
  description: "Implement one task of an approved plan; the engine marks it done only when the tests pass.",
  argsSchema: {
    spec: z.string().min(1).describe("The spec."),
    taskId: z.string().optional().describe("The task id; default the next one."),
  },
};

const REFINE_SPEC_PROMPT = {
  title: "Refine a spec document",
  description: "Revise requirements, design or tasks from feedback, then ask for approval again.",
  argsSchema: {
    spec: z.string().min(1).describe("The spec."),
    document: z.enum(["requirements", "bugfix", "design", "tasks"]).describe("The document to revise."),
    feedback: z.string().min(1).describe("What to change."),
  },
};

/** create-spec, execute-task and refine-spec: the workflow and its gates, for the host agent to follow. */
export function registerWorkflowPrompts(server: McpServer): void {
  server.registerPrompt("create-spec", CREATE_SPEC_PROMPT, ({ spec, idea }) =>
    userMessage(createSpecPromptText({ spec, idea })),
  );
  server.registerPrompt("execute-task", EXECUTE_TASK_PROMPT, ({ spec, taskId }) =>
    userMessage(executeTaskPromptText({ spec, ...(taskId === undefined || taskId === "" ? {} : { taskId }) })),
  );
  server.registerPrompt("refine-spec", REFINE_SPEC_PROMPT, ({ spec, document, feedback }) =>
    userMessage(refineSpecPromptText({ spec, document, feedback })),
  );
}
