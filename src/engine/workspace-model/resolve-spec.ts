import { closestMatches } from "../../model/text/closest-matches.js";
import type { SpecFolder } from "../../workspace/spec-folders.js";
import { EngineError } from "../errors/engine-error.js";

/** The spec folder named `name`, or a refusal that names the closest spec names. */
export function resolveSpecFolder(folders: readonly SpecFolder[], name: string): SpecFolder {
  const wanted = name.trim().replace(/[/\\]+$/, "");
  const found = folders.find((folder) => folder.name === wanted);
  if (found) return found;
  const names = folders.map((folder) => folder.name);
  const candidates = closestMatches(wanted, names);
  throw new EngineError({
    code: "unknown-spec",
    message: `There is no spec "${wanted}".${candidates.length > 0 ? ` Did you mean ${candidates.join(", ")}?` : ""}`,
    fix:
      names.length > 0
        ? "Run `specwright list` to see the specs, and pass one of their names."
        : "This workspace has no specs yet: create one under .kiro/specs/<name>/.",
    candidates,
  });
}
