import type { SteeringInclusionMode } from "../../model/steering/steering-inclusion.js";
import { type ContextWorkspaceOptions, DEFAULT_STEERING_MAX_CHARS, resolveContextRoot } from "./context-options.js";
import { readSteeringInputs } from "./read-steering-inputs.js";
import { selectSteering } from "./select-steering.js";
import type { SteeringSelection } from "./steering-selection.js";

/** The steering of the workspace that applies to a request: the files in play and the prompt. */
export async function loadSteeringContext(
  options: ContextWorkspaceOptions & {
    readonly filesInPlay?: readonly string[];
    readonly prompt?: string;
    readonly maxChars?: number;
    readonly modes?: readonly SteeringInclusionMode[];
  },
): Promise<SteeringSelection> {
  const root = await resolveContextRoot(options);
  const inputs = await readSteeringInputs(root);
  const selection = selectSteering({
    steering: inputs.steering,
    filesInPlay: options.filesInPlay ?? [],
    prompt: options.prompt ?? "",
    maxChars: options.maxChars ?? DEFAULT_STEERING_MAX_CHARS,
    ...(options.modes === undefined ? {} : { modes: options.modes }),
  });
  return { ...selection, problems: [...inputs.problems, ...selection.problems] };
}
