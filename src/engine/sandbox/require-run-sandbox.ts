import { EngineError } from "../errors/engine-error.js";
import type { CommandSandbox } from "./command-sandbox.js";

/**
 * An autopilot run needs a sandbox: nobody watches the agent's commands, so without one they would run with
 * everything the user can reach. Refused unless the settings turn the sandbox off explicitly. A supervised
 * run goes on (a person approves each command then; see run_command), with this warning.
 */
export function requireRunSandbox(mode: "autopilot" | "supervised", sandbox: CommandSandbox): string | undefined {
  if (sandbox.state !== "unavailable") return undefined;
  if (mode === "supervised") {
    return `No operating-system sandbox: ${sandbox.reason} Every command the agent runs needs your approval.`;
  }
  throw new EngineError({
    code: "no-sandbox",
    message: `An autopilot run needs an operating-system sandbox for the agent's commands and the tests, and there is none: ${sandbox.reason}`,
    fix: sandbox.fix,
  });
}
