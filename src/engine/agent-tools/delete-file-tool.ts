import { tool } from "ai";
import { z } from "zod";
import { deleteFile } from "../../workspace/sandbox/delete-file.js";
import { resolveSafePath } from "../../workspace/sandbox/safe-path.js";
import type { AgentToolContext } from "./agent-tool-context.js";
import { type AgentToolBehaviour, executeAgentTool } from "./define-agent-tool.js";
import { existingText } from "./existing-text.js";
import { countChangedLines } from "./file-change-log.js";
import { toolError } from "./tool-error.js";

export const deleteFileInputSchema = z.object({
  path: z.string().min(1).describe("File path relative to the workspace root. Folders are not deleted."),
});

export type DeleteFileInput = z.output<typeof deleteFileInputSchema>;

export interface DeleteFileOutput {
  readonly path: string;
  readonly linesRemoved: number;
}

const behaviour: AgentToolBehaviour<DeleteFileInput, DeleteFileOutput> = {
  name: "delete_file",
  describeInput: (input) => input.path,
  run: async (input, context) => {
    const target = await resolveSafePath(context.root, input.path, "delete", {
      allowSecretReads: context.allowSecretReads,
    });
    const before = await existingText(target.real);
    if (before === undefined) {
      const failure = toolError(`${input.path} does not exist.`, "Nothing to delete; check the path with list_files.");
      return { output: failure, summary: failure.error };
    }
    await deleteFile(target.absolute);
    context.changes.record(target.relative, before, undefined);
    const { linesRemoved } = countChangedLines(before, "");
    return {
      output: { path: target.relative, linesRemoved },
      summary: `deleted ${target.relative} (-${linesRemoved})`,
      filesChanged: [target.relative],
    };
  },
};

export function createDeleteFileTool(context: AgentToolContext) {
  return tool({
    description: "Delete one file of the workspace.",
    inputSchema: deleteFileInputSchema,
    execute: (input, options) => executeAgentTool(behaviour, context, input, options),
  });
}
