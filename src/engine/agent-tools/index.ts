export type {
  AgentToolContext,
  AskCommand,
  AskUser,
  CommandApprovalRequest,
  UserQuestion,
} from "./agent-tool-context.js";
export {
  AGENT_TOOL_NAMES,
  type AgentToolEvent,
  type AgentToolEventListener,
  type AgentToolName,
} from "./agent-tool-events.js";
export { questionId } from "./ask-user-tool.js";
export {
  type CommandDecision,
  type CommandRules,
  type CommandVerdict,
  type DecideCommandOptions,
  decideCommand,
} from "./command-policy.js";
export { type AgentToolkit, type CreateAgentToolsOptions, createAgentTools } from "./create-agent-tools.js";
export { type CommandRuleSet, DEFAULT_COMMAND_RULES } from "./default-command-rules.js";
export { FileChangeLog, type ToolFileChange, type ToolFileChangeKind } from "./file-change-log.js";
export { isToolError, type ToolError } from "./tool-error.js";
export { TOOL_LIMITS } from "./tool-limits.js";
