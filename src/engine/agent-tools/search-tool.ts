import { tool } from "ai";
import { z } from "zod";
import { pathKind } from "../../workspace/path-kind.js";
import { readTextFile } from "../../workspace/read-text-file.js";
import { listWorkspaceFiles } from "../../workspace/sandbox/list-workspace-files.js";
import { pathGlobMatcher } from "../../workspace/sandbox/path-glob.js";
import { resolveSafePath } from "../../workspace/sandbox/safe-path.js";
import { isSecretPath } from "../../workspace/sandbox/secret-files.js";
import { truncateOutput } from "../../workspace/truncate-output.js";
import type { AgentToolContext } from "./agent-tool-context.js";
import { type AgentToolBehaviour, executeAgentTool } from "./define-agent-tool.js";
import { splitLines } from "./read-file-tool.js";
import { toolError } from "./tool-error.js";
import { capLine, TOOL_LIMITS } from "./tool-limits.js";

/** Lines longer than this are not searched (minified bundles); a pathological regex on them could hang. */
const MAX_SEARCHED_LINE_CHARACTERS = 20_000;

export const searchInputSchema = z.object({
  pattern: z.string().min(1).describe('A JavaScript regular expression, e.g. "export function \\\\w+".'),
  path: z.string().optional().describe("Folder or file to search, relative to the workspace root. Default: all."),
  glob: z.string().optional().describe('Only files matching this glob, e.g. "*.ts" or "src/**/*.tsx".'),
});

export type SearchInput = z.output<typeof searchInputSchema>;

export interface SearchOutput {
  /** One match per line: `path:line: text`. */
  readonly matches: string;
  readonly matchCount: number;
  readonly filesSearched: number;
  readonly truncated: boolean;
  readonly note?: string;
}

const behaviour: AgentToolBehaviour<SearchInput, SearchOutput> = {
  name: "search",
  describeInput: (input) =>
    `/${input.pattern}/${input.path === undefined ? "" : ` in ${input.path}`}${input.glob === undefined ? "" : ` (${input.glob})`}`,
  run: async (input, context) => {
    let expression: RegExp;
    try {
      expression = new RegExp(input.pattern);
    } catch (error) {
      const failure = toolError(
        `Invalid regular expression: ${error instanceof Error ? error.message : String(error)}`,
        "Use JavaScript RegExp syntax; escape ( ) [ ] { } . * + ? with a backslash to match them literally.",
      );
      return { output: failure, summary: failure.error };
    }
    const target = await resolveSafePath(context.root, input.path ?? ".", "list");
    const kind = await pathKind(target.real);
    if (kind === "missing") {
      const failure = toolError(
        `${input.path} does not exist.`,
        "Search the whole workspace (omit path) or a folder that exists.",
      );
      return { output: failure, summary: failure.error };
    }
    const include = input.glob === undefined || input.glob === "" ? undefined : pathGlobMatcher([input.glob]);
    const files =
      kind === "other"
        ? [target.relative]
        : (
            await listWorkspaceFiles(context.root, {
              under: target.relative,
              maxFiles: TOOL_LIMITS.maxSearchedFiles,
              ...(include !== undefined ? { include } : {}),
            })
          ).files;

    const found: string[] = [];
    let filesSearched = 0;
    let secretFilesSkipped = 0;
    let limitReached = false;
    for (const file of files) {
      if (isSecretPath(file, context.allowSecretReads)) {
        secretFilesSkipped += 1;
        continue;
      }
      const content = await readSearchable(context.root, file, context.allowSecretReads);
      if (content === undefined) continue;
      filesSearched += 1;
      const lines = splitLines(content);
      for (const [index, line] of lines.entries()) {
        if (line.length > MAX_SEARCHED_LINE_CHARACTERS || !expression.test(line)) continue;
        if (found.length >= TOOL_LIMITS.maxSearchMatches) {
          limitReached = true;
          break;
        }
        found.push(`${file}:${index + 1}: ${capLine(line)}`);
      }
      if (limitReached) break;
    }
    const capped = truncateOutput(found.join("\n"), TOOL_LIMITS.maxOutputBytes);
    const notes: string[] = [];
    if (limitReached)
      notes.push(`Stopped at ${TOOL_LIMITS.maxSearchMatches} matches; narrow the pattern, path or glob.`);
    if (capped.truncated) notes.push("Some matches were cut to fit; narrow the search.");
    if (secretFilesSkipped > 0)
      notes.push(`${secretFilesSkipped} secret-looking files (.env, keys) were not searched.`);
    const output: SearchOutput = {
      matches: capped.text,
      matchCount: found.length,
      filesSearched,
      truncated: limitReached || capped.truncated,
      ...(notes.length > 0 ? { note: notes.join(" ") } : {}),
    };
    return { output, summary: `${found.length}${limitReached ? "+" : ""} matches in ${filesSearched} files` };
  },
};

/** The text of a file worth searching; binary, invalid, huge or vanished files are passed over. */
async function readSearchable(
  root: string,
  relativePath: string,
  allowSecretReads: readonly string[],
): Promise<string | undefined> {
  try {
    const target = await resolveSafePath(root, relativePath, "read", { allowSecretReads });
    return await readTextFile(target.real, { maxBytes: TOOL_LIMITS.maxSearchedFileBytes });
  } catch {
    return undefined;
  }
}

export function createSearchTool(context: AgentToolContext) {
  return tool({
    description:
      "Search file contents with a JavaScript regular expression, line by line, honouring .gitignore. Returns path:line: text for each match.",
    inputSchema: searchInputSchema,
    execute: (input, options) => executeAgentTool(behaviour, context, input, options),
  });
}
