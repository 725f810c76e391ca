import { exportSpec } from "../../engine/export/export-spec.js";
import { loadSpec } from "../../engine/workspace-model/load-spec.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { EXIT_SUCCESS } from "../exit-codes.js";

/** The export is JSON by nature; `--json` also makes failures JSON. */
export async function exportCommand(spec: string, options: CommonOptions): Promise<void> {
  await runCommand(options.json === true, async () => {
    const loaded = await loadSpec({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}), spec });
    printJson({ ok: true, ...exportSpec(loaded) });
    return EXIT_SUCCESS;
  });
}
