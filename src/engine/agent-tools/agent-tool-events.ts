export const AGENT_TOOL_NAMES = [
  "read_file",
  "list_files",
  "search",
  "write_file",
  "edit_file",
  "delete_file",
  "run_command",
  "ask_user",
] as const;

export type AgentToolName = (typeof AGENT_TOOL_NAMES)[number];

/** What the tools report while they work, for the runner's log and live view. Never printed here. */
export type AgentToolEvent =
  | {
      readonly type: "tool-call";
      readonly toolCallId: string;
      readonly name: AgentToolName;
      /** One line: what was asked, e.g. `src/app.ts lines 1-200` or `npm test`. */
      readonly input: string;
    }
  | {
      readonly type: "tool-result";
      readonly toolCallId: string;
      readonly name: AgentToolName;
      readonly ok: boolean;
      /** One line: what came of it, e.g. `120 lines` or `exit 1 after 3.2 s`, or the error. */
      readonly summary: string;
      /** UTF-8 bytes of the result handed to the model. */
      readonly bytes: number;
      /** Root-relative paths this call created, changed or deleted. */
      readonly filesChanged: readonly string[];
      readonly durationMs: number;
    }
  | {
      readonly type: "command-decision";
      readonly toolCallId: string;
      readonly command: string;
      readonly decision: "allow" | "deny" | "ask";
      readonly rule: string;
      /** For "ask": what the person answered; undefined when nobody could be asked. */
      readonly approved?: boolean;
    }
  | {
      readonly type: "sandbox-blocked";
      readonly toolCallId: string;
      readonly command: string;
      /** Lines of output showing the sandbox refused an operation. */
      readonly operations: number;
    };

export type AgentToolEventListener = (event: AgentToolEvent) => void;
