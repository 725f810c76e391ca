import type { SpecwrightSettings } from "../../model/settings/specwright-settings.js";
import type { CommandSandbox } from "../sandbox/command-sandbox.js";
import type { AgentToolEventListener } from "./agent-tool-events.js";
import type { FileChangeLog } from "./file-change-log.js";

/** A command waiting for a yes: what it is and which rule asked. */
export interface CommandApprovalRequest {
  readonly command: string;
  /** The simple command of the line that needs the answer. */
  readonly segment: string;
  readonly rule: string;
}

/** Answers "ask" verdicts (a terminal prompt, the dashboard). True runs the command. */
export type AskCommand = (request: CommandApprovalRequest) => Promise<boolean>;

/** A question of the agent's `ask_user`, with the id an answer is given under (`--answer <id>=<text>`). */
export interface UserQuestion {
  readonly id: string;
  readonly question: string;
  readonly options?: readonly string[];
  readonly default?: string;
}

/** Asks a person (a terminal prompt) and resolves with the answer. */
export type AskUser = (question: UserQuestion) => Promise<string>;

/** What every tool of one toolkit shares. */
export interface AgentToolContext {
  readonly root: string;
  readonly settings: SpecwrightSettings;
  readonly allowSecretReads: readonly string[];
  readonly changes: FileChangeLog;
  readonly emit: AgentToolEventListener;
  readonly askCommand: AskCommand | undefined;
  /** Answers `ask_user` on a terminal; without it a question the answers do not cover pauses the task. */
  readonly askUser: AskUser | undefined;
  /** Answers given up front (`--answer`), by question id. */
  readonly answers: ReadonlyMap<string, string>;
  /** Told of a question nobody can answer now: the runner pauses the task. */
  readonly onQuestionPending: (question: UserQuestion) => void;
  /** Commands a person approved in this run: the same line is not asked about twice. */
  readonly approvedCommands: Set<string>;
  /** The environment commands start from, before scrubbing. */
  readonly environment: Readonly<Record<string, string | undefined>>;
  /** The sandbox commands run in (resolved once, on the first command). */
  readonly commandSandbox: () => Promise<CommandSandbox>;
}
