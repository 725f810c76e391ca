import { dirname } from "node:path";
import { tool } from "ai";
import { z } from "zod";
import { writeFileAtomic } from "../../workspace/atomic-write.js";
import { ensureDirectory } from "../../workspace/ensure-directory.js";
import { resolveSafePath } from "../../workspace/sandbox/safe-path.js";
import type { AgentToolContext } from "./agent-tool-context.js";
import { type AgentToolBehaviour, executeAgentTool } from "./define-agent-tool.js";
import { existingText } from "./existing-text.js";
import { countChangedLines } from "./file-change-log.js";

export const writeFileInputSchema = z.object({
  path: z.string().min(1).describe("File path relative to the workspace root; folders are created as needed."),
  content: z.string().describe("The complete new content of the file."),
});

export type WriteFileInput = z.output<typeof writeFileInputSchema>;

export interface WriteFileOutput {
  readonly path: string;
  readonly created: boolean;
  readonly bytes: number;
  readonly linesAdded: number;
  readonly linesRemoved: number;
}

const behaviour: AgentToolBehaviour<WriteFileInput, WriteFileOutput> = {
  name: "write_file",
  describeInput: (input) => `${input.path} (${Buffer.byteLength(input.content)} bytes)`,
  run: async (input, context) => {
    const target = await resolveSafePath(context.root, input.path, "write", {
      allowSecretReads: context.allowSecretReads,
    });
    const before = await existingText(target.real);
    await ensureDirectory(dirname(target.real));
    await writeFileAtomic(target.real, input.content);
    context.changes.record(target.relative, before, input.content);
    const counts = countChangedLines(before ?? "", input.content);
    const output: WriteFileOutput = {
      path: target.relative,
      created: before === undefined,
      bytes: Buffer.byteLength(input.content),
      ...counts,
    };
    return {
      output,
      summary: `${output.created ? "created" : "wrote"} ${output.path} (+${counts.linesAdded} -${counts.linesRemoved})`,
      filesChanged: [target.relative],
    };
  },
};

export function createWriteFileTool(context: AgentToolContext) {
  return tool({
    description:
      "Create a file or replace its whole content (atomically). Prefer edit_file for changing part of an existing file.",
    inputSchema: writeFileInputSchema,
    execute: (input, options) => executeAgentTool(behaviour, context, input, options),
  });
}
