import { runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import type { ModelOptions } from "../model-options.js";
import { proposeRevision } from "./refine-command.js";

export interface SyncCommandOptions extends CommonOptions, ModelOptions {
  readonly yes?: boolean;
  readonly requirements?: boolean;
}

/** `specwright sync <spec>`: the model records in design.md (or requirements.md) how the code deviates. */
export async function syncCommand(spec: string, options: SyncCommandOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const { syncSpec } = await import("../../engine/impact/sync-spec.js");
    return proposeRevision(options, "sync", (context) =>
      syncSpec({ ...context, spec, document: options.requirements ? "requirements" : "design" }),
    );
  });
}
