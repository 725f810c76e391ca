import { isAbsolute, relative } from "node:path";
import { type ContextWorkspaceOptions, resolveContextRoot } from "./context-options.js";
import { loadSteeringContext } from "./load-steering-context.js";
import type { SteeringSelection } from "./steering-selection.js";

/**
 * The steering that applies to one file: `always` files and the `fileMatch` files whose patterns match it
 * (manual and auto files need a request to decide, so they are left out). `path` is relative to the
 * workspace root, or absolute inside it.
 */
export async function steeringForPath(
  options: ContextWorkspaceOptions & { readonly path: string; readonly maxChars?: number },
): Promise<SteeringSelection> {
  const root = await resolveContextRoot(options);
  const path = isAbsolute(options.path) ? relative(root, options.path) : options.path;
  return loadSteeringContext({
    root,
    filesInPlay: [path.replaceAll("\\", "/")],
    modes: ["always", "fileMatch"],
    ...(options.maxChars === undefined ? {} : { maxChars: options.maxChars }),
  });
}
