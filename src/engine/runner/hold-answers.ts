import type { LanguageModel } from "ai";
import { wrapLanguageModel } from "ai";

/**
 * The model with every answer held until `ready` settles. A request goes out at once, so the model's
 * first turn overlaps the task's setup (checkpoint, integrity watch, baseline); but the answer reaches the
 * agent loop only after the setup is done, so no tool runs and no step is recorded on a tree that has no
 * checkpoint yet. A failed setup cancels the request in flight and is what the call throws. Undefined for
 * a model this cannot wrap (a model id, an older specification): the caller then waits for the setup.
 */
export function holdAnswersUntil(model: LanguageModel, ready: Promise<unknown>): LanguageModel | undefined {
  if (typeof model === "string" || model.specificationVersion !== "v3") return undefined;
  const cancel = new AbortController();
  ready.catch(() => cancel.abort());
  const held = async <Answer>(answer: PromiseLike<Answer>): Promise<Answer> => {
    const pending = Promise.resolve(answer);
    // Its failure, if any, is thrown below once the setup is done; it must not go unhandled meanwhile.
    pending.catch(() => undefined);
    await ready;
    return pending;
  };
  return wrapLanguageModel({
    model,
    middleware: {
      specificationVersion: "v3",
      transformParams: async ({ params }) => ({
        ...params,
        abortSignal: params.abortSignal ? AbortSignal.any([params.abortSignal, cancel.signal]) : cancel.signal,
      }),
      wrapGenerate: ({ doGenerate }) => held(doGenerate()),
      wrapStream: ({ doStream }) => held(doStream()),
    },
  });
}
