import { createDefaultRunnerServices } from "../../src/engine/runner/default-runner-services.js";
import type { RunnerServices } from "../../src/engine/runner/runner-services.js";

/** The runner's real services (context, the agent's tools, git checkpoints, verification): only the model is fake. */
export function runnerTestServices(): RunnerServices {
  return createDefaultRunnerServices();
}
