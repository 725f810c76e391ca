import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import { type CommandSandbox, resolveCommandSandbox } from "../sandbox/command-sandbox.js";
import type { AgentToolContext, AskCommand, AskUser, UserQuestion } from "./agent-tool-context.js";
import type { AgentToolEventListener } from "./agent-tool-events.js";
import { createAskUserTool } from "./ask-user-tool.js";
import { createDeleteFileTool } from "./delete-file-tool.js";
import { createEditFileTool } from "./edit-file-tool.js";
import { FileChangeLog, type ToolFileChange } from "./file-change-log.js";
import { createListFilesTool } from "./list-files-tool.js";
import { createReadFileTool } from "./read-file-tool.js";
import { createRunCommandTool } from "./run-command-tool.js";
import { createSearchTool } from "./search-tool.js";
import { createWriteFileTool } from "./write-file-tool.js";

export interface CreateAgentToolsOptions {
  /** The workspace root: every path is resolved against it and commands run in it. */
  readonly root: string;
  /** For `agent.commands`, `agent.allowSecretReads`, `agent.passEnv`, `agent.commandTimeoutMs`. */
  readonly settings?: SpecwrightSettings;
  /** Answers commands the policy asks about; without it they are refused (no terminal, no dashboard). */
  readonly askCommand?: AskCommand;
  /** Answers `ask_user` on a terminal. */
  readonly askUser?: AskUser;
  /** Answers given up front, by question id. */
  readonly answers?: ReadonlyMap<string, string>;
  /** Told of an `ask_user` question nobody can answer now. */
  readonly onQuestionPending?: (question: UserQuestion) => void;
  readonly onEvent?: AgentToolEventListener;
  /** The environment commands start from, before scrubbing; default `process.env`. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
  /** The sandbox of `run_command`; default: the settings' `agent.sandbox` on this machine's sandbox. */
  readonly sandbox?: CommandSandbox;
}

export interface AgentToolkit {
  /** The tools by their public names, ready for `generateText({ tools })`. */
  readonly tools: {
    readonly read_file: ReturnType<typeof createReadFileTool>;
    readonly list_files: ReturnType<typeof createListFilesTool>;
    readonly search: ReturnType<typeof createSearchTool>;
    readonly write_file: ReturnType<typeof createWriteFileTool>;
    readonly edit_file: ReturnType<typeof createEditFileTool>;
    readonly delete_file: ReturnType<typeof createDeleteFileTool>;
    readonly run_command: ReturnType<typeof createRunCommandTool>;
    readonly ask_user: ReturnType<typeof createAskUserTool>;
  };
  /** Files the file tools created, modified or deleted so far, with net lines added and removed. */
  readonly fileChanges: () => ToolFileChange[];
}

/**
 * The task agent's tools for one run. Their names and inputs are a public contract (README, "Agent tools").
 * Each is safe by construction: paths stay inside `root`, `.git/` is never written, secret-looking files
 * are off limits, commands pass the allow/deny/ask policy and run in the operating-system sandbox without secrets in their environment,
 * and every failure comes back to the model as `{ error, hint }` instead of ending the run.
 */
export function createAgentTools(options: CreateAgentToolsOptions): AgentToolkit {
  const settings = options.settings ?? {};
  const changes = new FileChangeLog();
  let sandbox: Promise<CommandSandbox> | undefined =
    options.sandbox === undefined ? undefined : Promise.resolve(options.sandbox);
  const context: AgentToolContext = {
    root: options.root,
    settings,
    allowSecretReads: settings.agent?.allowSecretReads ?? [],
    changes,
    emit: options.onEvent ?? (() => undefined),
    askCommand: options.askCommand,
    askUser: options.askUser,
    answers: options.answers ?? new Map(),
    onQuestionPending: options.onQuestionPending ?? (() => undefined),
    approvedCommands: new Set(),
    environment: options.environment ?? process.env,
    commandSandbox: () => {
      sandbox ??= resolveCommandSandbox(settings);
      return sandbox;
    },
  };
  return {
    tools: {
      read_file: createReadFileTool(context),
      list_files: createListFilesTool(context),
      search: createSearchTool(context),
      write_file: createWriteFileTool(context),
      edit_file: createEditFileTool(context),
      delete_file: createDeleteFileTool(context),
      run_command: createRunCommandTool(context),
      ask_user: createAskUserTool(context),
    },
    fileChanges: () => changes.changes(),
  };
}
