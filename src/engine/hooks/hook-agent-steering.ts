import { loadSteeringContext } from "../context/load-steering-context.js";
import { renderSteeringSection } from "../context/render-task-context.js";
import type { HookInput } from "./hook-payload.js";

/** A hook's prompt is short; its steering gets a smaller share than a task's context. */
const HOOK_STEERING_MAX_CHARS = 20_000;

/**
 * The steering that applies to the hook's event: `always` files, and the `fileMatch` files that match the
 * event's file (a save, a tool's `path` argument). Manual and auto files need a request to decide on.
 */
export async function hookAgentSteering(root: string, input: HookInput): Promise<string> {
  const filesInPlay = eventFiles(input);
  const selection = await loadSteeringContext({
    root,
    filesInPlay,
    modes: ["always", "fileMatch"],
    maxChars: HOOK_STEERING_MAX_CHARS,
  });
  return renderSteeringSection(selection.included);
}

function eventFiles(input: HookInput): string[] {
  const files: string[] = [];
  if (input.file !== undefined) files.push(input.file);
  const args = input.toolArgs;
  if (typeof args === "object" && args !== null && "path" in args && typeof args.path === "string") {
    files.push(args.path);
  }
  return files;
}
