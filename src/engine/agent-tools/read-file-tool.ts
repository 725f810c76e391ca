import { tool } from "ai";
import { z } from "zod";
import { readTextFile } from "../../workspace/read-text-file.js";
import { resolveSafePath } from "../../workspace/sandbox/safe-path.js";
import { truncateOutput } from "../../workspace/truncate-output.js";
import type { AgentToolContext } from "./agent-tool-context.js";
import { type AgentToolBehaviour, executeAgentTool } from "./define-agent-tool.js";
import { toolError } from "./tool-error.js";
import { capLine, TOOL_LIMITS } from "./tool-limits.js";

export const readFileInputSchema = z.object({
  path: z.string().min(1).describe("File path relative to the workspace root, e.g. src/index.ts."),
  offset: z.number().int().min(1).optional().describe("First line to read, 1-based. Default 1."),
  limit: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(`How many lines to read. Default ${TOOL_LIMITS.defaultReadLines}.`),
});

export type ReadFileInput = z.output<typeof readFileInputSchema>;

export interface ReadFileOutput {
  readonly path: string;
  /** The lines, each prefixed with its number and a tab. */
  readonly content: string;
  readonly fromLine: number;
  readonly toLine: number;
  readonly totalLines: number;
  /** Present when there is more to read or the text was cut; says how to get the rest. */
  readonly note?: string;
}

/** Splits into lines without inventing an empty last line for a file that ends with a newline. */
export function splitLines(content: string): string[] {
  if (content === "") return [];
  const lines = content.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** The read_file result for a file's text: numbered lines of a range, capped, with a note on what is left. */
export function numberedLines(
  path: string,
  content: string,
  offset = 1,
  limit: number = TOOL_LIMITS.defaultReadLines,
): ReadFileOutput {
  const lines = splitLines(content);
  const from = Math.min(offset, Math.max(lines.length, 1));
  const selected = lines.slice(from - 1, from - 1 + limit);
  const to = from + selected.length - 1;
  const width = String(Math.max(to, 1)).length;
  const text = selected.map((line, index) => `${String(from + index).padStart(width)}\t${capLine(line)}`).join("\n");
  const capped = truncateOutput(text, TOOL_LIMITS.maxOutputBytes);
  const notes: string[] = [];
  if (to < lines.length) notes.push(`Lines ${to + 1}-${lines.length} not shown; call read_file with offset=${to + 1}.`);
  if (capped.truncated)
    notes.push("The middle of this range was cut to fit; read a smaller range with offset and limit.");
  return {
    path,
    content: capped.text,
    fromLine: selected.length === 0 ? 0 : from,
    toLine: selected.length === 0 ? 0 : to,
    totalLines: lines.length,
    ...(notes.length > 0 ? { note: notes.join(" ") } : {}),
  };
}

const behaviour: AgentToolBehaviour<ReadFileInput, ReadFileOutput> = {
  name: "read_file",
  describeInput: (input) =>
    input.offset === undefined && input.limit === undefined
      ? input.path
      : `${input.path} from line ${input.offset ?? 1}${input.limit === undefined ? "" : ` (${input.limit} lines)`}`,
  run: async (input, context) => {
    const target = await resolveSafePath(context.root, input.path, "read", {
      allowSecretReads: context.allowSecretReads,
    });
    const content = await readTextFile(target.real, { maxBytes: TOOL_LIMITS.maxReadFileBytes });
    const total = splitLines(content).length;
    if (input.offset !== undefined && input.offset > Math.max(total, 1)) {
      const failure = toolError(
        `${input.path} has ${total} lines; offset ${input.offset} is past the end.`,
        `Use an offset between 1 and ${Math.max(total, 1)}.`,
      );
      return { output: failure, summary: failure.error };
    }
    const output = numberedLines(target.relative, content, input.offset, input.limit);
    return { output, summary: `${output.toLine === 0 ? 0 : output.toLine - output.fromLine + 1} of ${total} lines` };
  },
};

export function createReadFileTool(context: AgentToolContext) {
  return tool({
    description:
      "Read a text file of the workspace. Returns numbered lines (number, tab, text); use offset and limit for long files.",
    inputSchema: readFileInputSchema,
    execute: (input, options) => executeAgentTool(behaviour, context, input, options),
  });
}
