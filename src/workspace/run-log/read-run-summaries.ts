import { readdir, readFile } from "node:fs/promises";
import { errorCodeOf } from "../error-code.js";
import { runRecordPaths } from "./run-record-paths.js";

/** The parsed `runs/*.summary.json` of a spec folder, oldest first; unreadable or unparseable ones left out. */
export async function readRunSummaries(specFolder: string): Promise<unknown[]> {
  const { directory } = runRecordPaths(specFolder, "");
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if (errorCodeOf(error) === "ENOENT" || errorCodeOf(error) === "ENOTDIR") return [];
    throw error;
  }
  const summaries: unknown[] = [];
  for (const name of names.filter((entry) => entry.endsWith(".summary.json")).sort()) {
    try {
      summaries.push(JSON.parse(await readFile(`${directory}/${name}`, "utf8")) as unknown);
    } catch {
      // A summary being written or edited by hand is not worth failing a report for.
    }
  }
  return summaries;
}
