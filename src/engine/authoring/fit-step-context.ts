import type { ContextContribution } from "./authoring-context-sources.js";
import { type AuthoringOptions, authoringContextChars } from "./authoring-options.js";
import type { ContextReport } from "./context-report.js";
import { defaultContextSources } from "./default-context-sources.js";
import { type ContextSection, fitContext } from "./fit-context.js";

const NOTHING: ContextContribution = { sections: [], excluded: [] };

/**
 * The context of an authoring step on an existing spec: the step's own sections, then the steering that
 * matches `prompt` (and, when asked, the repository inventory) as optional sections, fitted to the budget
 * and reported to the listener, so every step shows what the model saw the same way.
 */
export async function fitStepContext(
  options: AuthoringOptions,
  input: {
    readonly root: string;
    readonly prompt: string;
    readonly sections: readonly ContextSection[];
    readonly withInventory: boolean;
  },
): Promise<{ readonly text: string; readonly report: ContextReport }> {
  const maxChars = authoringContextChars(options);
  const sources = options.sources ?? defaultContextSources();
  const steering = await sources.steering({ root: input.root, prompt: input.prompt, filesInPlay: [], maxChars });
  const inventory = input.withInventory ? await sources.inventory({ root: input.root, maxChars }) : NOTHING;
  const optional = [...steering.sections, ...inventory.sections].map((section) => ({ ...section, required: false }));
  const fitted = fitContext([...input.sections, ...optional], maxChars, [...steering.excluded, ...inventory.excluded]);
  options.onEvent?.({ type: "context", report: fitted.report });
  return fitted;
}
