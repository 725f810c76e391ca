import { tool } from "ai";
import { z } from "zod";
import { pathKind } from "../../workspace/path-kind.js";
import { listWorkspaceFiles } from "../../workspace/sandbox/list-workspace-files.js";
import { pathGlobMatcher } from "../../workspace/sandbox/path-glob.js";
import { resolveSafePath } from "../../workspace/sandbox/safe-path.js";
import type { AgentToolContext } from "./agent-tool-context.js";
import { type AgentToolBehaviour, executeAgentTool } from "./define-agent-tool.js";
import { toolError } from "./tool-error.js";
import { TOOL_LIMITS } from "./tool-limits.js";

export const listFilesInputSchema = z.object({
  path: z.string().optional().describe("Folder to list, relative to the workspace root. Default: the root."),
  pattern: z
    .string()
    .optional()
    .describe('Glob the files must match: "*.ts" matches names in any folder, "src/**/*.test.ts" paths from the root.'),
});

export type ListFilesInput = z.output<typeof listFilesInputSchema>;

export interface ListFilesOutput {
  /** Root-relative paths, sorted; .gitignored files and .git/ left out. */
  readonly files: readonly string[];
  readonly truncated: boolean;
  readonly note?: string;
}

const behaviour: AgentToolBehaviour<ListFilesInput, ListFilesOutput> = {
  name: "list_files",
  describeInput: (input) => `${input.path ?? "."}${input.pattern === undefined ? "" : ` ${input.pattern}`}`,
  run: async (input, context) => {
    const target = await resolveSafePath(context.root, input.path ?? ".", "list");
    const kind = await pathKind(target.real);
    if (kind === "missing") {
      const failure = toolError(`${input.path} does not exist.`, "List the parent folder to see what is there.");
      return { output: failure, summary: failure.error };
    }
    const include = input.pattern === undefined || input.pattern === "" ? undefined : pathGlobMatcher([input.pattern]);
    if (kind === "other") {
      const files = include === undefined || include(target.relative) ? [target.relative] : [];
      return { output: { files, truncated: false }, summary: `${files.length} files` };
    }
    const listing = await listWorkspaceFiles(context.root, {
      under: target.relative,
      maxFiles: TOOL_LIMITS.maxListedFiles,
      ...(include !== undefined ? { include } : {}),
    });
    const files = withinOutputBudget(listing.files);
    const truncated = listing.truncated || files.length < listing.files.length;
    const output: ListFilesOutput = {
      files,
      truncated,
      ...(truncated ? { note: `Only the first ${files.length} files; list a subfolder or pass a pattern.` } : {}),
    };
    return { output, summary: `${files.length}${truncated ? "+" : ""} files` };
  },
};

/** The leading paths whose names fit in the output budget every tool result keeps to. */
function withinOutputBudget(files: readonly string[]): readonly string[] {
  let bytes = 0;
  for (const [index, file] of files.entries()) {
    bytes += Buffer.byteLength(file) + 3;
    if (bytes > TOOL_LIMITS.maxOutputBytes) return files.slice(0, index);
  }
  return files;
}

export function createListFilesTool(context: AgentToolContext) {
  return tool({
    description:
      "List the files of the workspace (or of one folder), honouring .gitignore. Optionally filter with a glob pattern.",
    inputSchema: listFilesInputSchema,
    execute: (input, options) => executeAgentTool(behaviour, context, input, options),
  });
}
