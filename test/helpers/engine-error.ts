import { EngineError } from "../../src/engine/errors/engine-error.js";

/** The EngineError `promise` rejects with; any other rejection is rethrown, and a resolution fails the test. */
export async function rejectionOf(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error("expected an EngineError");
}
