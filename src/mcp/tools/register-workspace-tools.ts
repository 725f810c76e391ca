import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { steeringForPath } from "../../engine/context/steering-for-path.js";
import { listHooks } from "../../engine/hooks/list-hooks.js";
import { resolveWorkspaceRoot } from "../../engine/workspace-model/workspace-context.js";
import { resolveWorkspacePath } from "../../workspace/sandbox/workspace-path.js";
import type { ServerContext } from "../server-context.js";
import { runTool, toolSuccess } from "../tool-result.js";
import { defineTool } from "./define-tool.js";

const READ_ONLY = { readOnlyHint: true, openWorldHint: false } as const;

const GET_STEERING_TOOL = defineTool({
  title: "Steering for a file",
  description:
    "The steering files that apply when working on a file: `always` ones and `fileMatch` ones whose pattern matches the path, with their text (file references inlined). Follow them.",
  inputSchema: {
    path: z
      .string()
      .min(1, "Name a file, relative to the workspace root, e.g. src/api/limits.ts.")
      .describe("A file inside the workspace, relative to its root, e.g. src/api/limits.ts."),
  },
  outputSchema: {
    included: z.array(z.object({ path: z.string(), reason: z.string(), text: z.string(), truncated: z.boolean() })),
    excluded: z.array(z.object({ path: z.string(), reason: z.string() })),
  },
  annotations: READ_ONLY,
});

const LIST_HOOKS_TOOL = defineTool({
  title: "List hooks",
  description:
    "The workspace's hooks (.kiro/hooks/, Kiro 1.0 and 0.x formats): when each fires and what it runs. Hooks a file save would trigger in Kiro do not run through this server: run their command yourself when it applies.",
  inputSchema: {},
  outputSchema: {
    hooks: z.array(
      z.object({
        file: z.string(),
        format: z.enum(["v1", "legacy"]),
        name: z.string(),
        description: z.string().optional(),
        trigger: z.string(),
        matcher: z.string().optional(),
        action: z.object({ type: z.string(), command: z.string().optional(), prompt: z.string().optional() }),
        enabled: z.boolean(),
      }),
    ),
    problems: z.array(z.object({ file: z.string(), code: z.string(), message: z.string() })),
  },
  annotations: READ_ONLY,
});

/** get_steering and list_hooks: the project context and automation Kiro keeps beside the specs. */
export function registerWorkspaceTools(server: McpServer, context: ServerContext): void {
  server.registerTool("get_steering", GET_STEERING_TOOL, ({ path }) =>
    runTool(async () => {
      const root = await resolveWorkspaceRoot(context.workspace);
      // Refused when it leads out of the workspace (`..`, an absolute path elsewhere).
      const inside = resolveWorkspacePath(root, path);
      const selection = await steeringForPath({ root, path: inside.relative });
      const included = selection.included.map(({ path, reason, text, truncated }) => ({
        path,
        reason,
        text,
        truncated,
      }));
      const excluded = selection.excluded.map(({ path, reason }) => ({ path, reason }));
      const text =
        included.length === 0
          ? "No steering applies to this file."
          : included.map((file) => `<!-- ${file.path}: ${file.reason} -->\n${file.text}`).join("\n\n");
      return toolSuccess({ included, excluded }, text);
    }),
  );

  server.registerTool("list_hooks", LIST_HOOKS_TOOL, () =>
    runTool(async () => {
      const list = await listHooks(context.workspace);
      const text =
        list.hooks.length === 0
          ? "This workspace has no hooks."
          : list.hooks
              .map(
                (hook) =>
                  `${hook.name}${hook.enabled ? "" : " (disabled)"}: on ${hook.trigger}${hook.matcher ? ` [${hook.matcher}]` : ""} → ${hook.action.type} ${hook.action.command ?? hook.action.prompt ?? ""}`,
              )
              .join("\n");
      // The tool's contract: the summary as it was; the runner's details (patterns, toolTypes, timeout) stay out.
      const hooks = list.hooks.map(
        ({ patterns: _patterns, toolTypes: _toolTypes, timeout: _timeout, ...hook }) => hook,
      );
      return toolSuccess({ hooks, problems: [...list.problems] }, text);
    }),
  );
}
