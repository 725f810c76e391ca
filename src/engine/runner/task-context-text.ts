import { buildTaskContext } from "../context/build-task-context.js";
import type { SteeringInputs } from "../context/read-steering-inputs.js";
import { buildRepositoryMap } from "../inventory/build-repository-map.js";

/** Of the context's characters, the share the repository map may take; the task's own documents come first. */
const MAP_SHARE = 0.25;

/**
 * The map orients the agent; its list_files and search tools go further. Past ~2,000 tokens it costs more
 * on every step of every task than it saves (`npm run bench:context`).
 */
const MAP_MAX_CHARS = 8_000;

/**
 * The text the agent starts from: the task's context (steering by inclusion, the task, the criteria it
 * references and the design sections that mention them) and a map of the repository.
 */
export async function taskContextText(options: {
  readonly root: string;
  readonly spec: string;
  readonly taskId: string;
  readonly maxChars: number;
  readonly steering?: SteeringInputs;
}): Promise<string> {
  const mapChars = Math.min(MAP_MAX_CHARS, Math.floor(options.maxChars * MAP_SHARE));
  const [context, map] = await Promise.all([
    buildTaskContext({
      root: options.root,
      spec: options.spec,
      taskId: options.taskId,
      maxChars: options.maxChars - mapChars,
      ...(options.steering ? { steering: options.steering } : {}),
    }),
    buildRepositoryMap({ root: options.root, maxChars: mapChars }),
  ]);
  return `${context.text}\n\n## Repository map\n\n${map.text}`;
}
