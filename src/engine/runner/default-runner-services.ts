import { createAgentTools } from "../agent-tools/create-agent-tools.js";
import { createRunnerServices } from "./create-runner-services.js";
import type { RunnerServices } from "./runner-services.js";
import { taskContextText } from "./task-context-text.js";

/** The services `specwright run` uses: the task context with a repository map, and the agent's seven tools. */
export function createDefaultRunnerServices(): RunnerServices {
  return createRunnerServices({
    buildContext: taskContextText,
    createTools: (options) => createAgentTools(options).tools,
  });
}
