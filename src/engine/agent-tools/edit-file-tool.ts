import { tool } from "ai";
import { z } from "zod";
import { editTextFile } from "../../workspace/edit-file.js";
import { pathKind } from "../../workspace/path-kind.js";
import { resolveSafePath } from "../../workspace/sandbox/safe-path.js";
import type { AgentToolContext } from "./agent-tool-context.js";
import { type AgentToolBehaviour, executeAgentTool } from "./define-agent-tool.js";
import { countChangedLines } from "./file-change-log.js";
import { type ReplaceExactResult, replaceExact } from "./replace-exact.js";
import { type ToolError, toolError } from "./tool-error.js";
import { TOOL_LIMITS } from "./tool-limits.js";

export const editFileInputSchema = z.object({
  path: z.string().min(1).describe("File path relative to the workspace root."),
  old_string: z.string().describe("The exact text to replace, whitespace included; it must occur exactly once."),
  new_string: z.string().describe("The text to put in its place."),
  replace_all: z.boolean().optional().describe("Replace every occurrence instead of requiring exactly one."),
});

export type EditFileInput = z.output<typeof editFileInputSchema>;

export interface EditFileOutput {
  readonly path: string;
  readonly replacements: number;
  readonly linesAdded: number;
  readonly linesRemoved: number;
}

const behaviour: AgentToolBehaviour<EditFileInput, EditFileOutput> = {
  name: "edit_file",
  describeInput: (input) => `${input.path}${input.replace_all === true ? " (all occurrences)" : ""}`,
  run: async (input, context) => {
    const target = await resolveSafePath(context.root, input.path, "write", {
      allowSecretReads: context.allowSecretReads,
    });
    if ((await pathKind(target.real)) === "missing") {
      const failure = toolError(
        `${input.path} does not exist.`,
        "Create it with write_file, or check the path with list_files.",
      );
      return { output: failure, summary: failure.error };
    }
    let result: ReplaceExactResult | undefined;
    const edit = await editTextFile(
      target.real,
      (current) => {
        result = replaceExact(current, input.old_string, input.new_string, input.replace_all ?? false);
        return result.ok ? result.content : undefined;
      },
      { maxBytes: TOOL_LIMITS.maxReadFileBytes },
    );
    if (result === undefined || !result.ok) {
      const failure = refusal(input, result);
      return { output: failure, summary: failure.error };
    }
    context.changes.record(target.relative, edit.before, edit.after);
    const counts = countChangedLines(edit.before, edit.after);
    return {
      output: { path: target.relative, replacements: result.replacements, ...counts },
      summary: `${result.replacements} replacement${result.replacements === 1 ? "" : "s"} in ${target.relative} (+${counts.linesAdded} -${counts.linesRemoved})`,
      filesChanged: [target.relative],
    };
  },
};

function refusal(input: EditFileInput, result: ReplaceExactResult | undefined): ToolError {
  if (result === undefined || result.ok) return toolError(`${input.path} was not changed.`, "Read the file and retry.");
  switch (result.reason) {
    case "empty":
      return toolError(
        "old_string is empty.",
        "Pass the exact text to replace; to create or overwrite a file use write_file.",
      );
    case "unchanged":
      return toolError(
        "old_string and new_string are the same; nothing would change.",
        "Pass the new text in new_string.",
      );
    case "missing":
      return toolError(
        `old_string was not found in ${input.path}.`,
        "Read the file with read_file and copy the exact text, including indentation and line breaks (without the line-number prefix).",
      );
    case "not-unique":
      return toolError(
        `old_string occurs ${result.lines.length} times in ${input.path} (lines ${result.lines.join(", ")}).`,
        "Include more surrounding lines in old_string so it matches exactly once, or set replace_all to true to change every occurrence.",
      );
  }
}

export function createEditFileTool(context: AgentToolContext) {
  return tool({
    description:
      "Replace an exact piece of text in a file. old_string must occur exactly once (include surrounding lines to make it unique) unless replace_all is true.",
    inputSchema: editFileInputSchema,
    execute: (input, options) => executeAgentTool(behaviour, context, input, options),
  });
}
