import picomatch from "picomatch/posix.js";
import type { SteeringDocument } from "../../model/steering/parse-steering.js";
import { splitTopLevelCommas } from "../../rules/steering/glob-problems.js";
import { matchDescription } from "./auto-inclusion.js";
import { steeringName } from "./steering-name.js";

export type InclusionDecision =
  | { readonly include: true; readonly reason: string }
  | { readonly include: false; readonly reason: string };

export interface InclusionRequest {
  /** Paths relative to the workspace root, `/`-separated. */
  readonly filesInPlay: readonly string[];
  readonly prompt: string;
}

/** Whether a steering file joins the context, by its inclusion mode, and why (shown by `--verbose`). */
export function decideInclusion(
  path: string,
  document: SteeringDocument,
  request: InclusionRequest,
): InclusionDecision {
  const name = steeringName(path);
  // `#file-name`, or the `name:` its front matter gives (Kiro 1.x shows that one in its picker).
  const frontMatterName = document.name?.value.trim() ?? "";
  const namedAs = namesSteering(request.prompt, name)
    ? name
    : frontMatterName !== "" && namesSteering(request.prompt, frontMatterName)
      ? frontMatterName
      : undefined;
  const named = namedAs !== undefined;
  switch (document.inclusionMode) {
    case "always":
      return { include: true, reason: "always" };
    case "fileMatch":
      return fileMatchDecision(document, request.filesInPlay, namedAs);
    case "manual":
      return named
        ? { include: true, reason: `manual: the prompt names #${namedAs}` }
        : { include: false, reason: `manual: the prompt does not name #${name}` };
    case "auto": {
      if (named) return { include: true, reason: `auto: the prompt names #${namedAs}` };
      const description = document.description?.value ?? "";
      if (description.trim() === "") return { include: false, reason: "auto: no description to match" };
      const matched = matchDescription(description, `${request.prompt}\n${request.filesInPlay.join("\n")}`);
      return matched.length > 0
        ? { include: true, reason: `auto: the request mentions ${matched.join(", ")}` }
        : { include: false, reason: "auto: the request does not match its description" };
    }
    default:
      return {
        include: false,
        reason: `inclusion "${document.inclusion?.value ?? "?"}" is not a mode Kiro knows (run specwright check)`,
      };
  }
}

/** `#api-standards` (or `#api-standards.md`) as a word of the prompt, as Kiro's chat asks for a manual file. */
function namesSteering(prompt: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:^|[^\\w#])#${escaped}(?:\\.md)?(?![\\w-])`, "i").test(prompt);
}

function fileMatchDecision(
  document: SteeringDocument,
  filesInPlay: readonly string[],
  namedAs: string | undefined,
): InclusionDecision {
  // A comma-separated string matches nothing in Kiro; `check` warns, and here the evident intent counts.
  const globs = document.fileMatchPatterns.flatMap(({ pattern }) => splitTopLevelCommas(pattern));
  for (const glob of globs) {
    const matches = compileGlob(glob);
    const file = filesInPlay.find((candidate) => matches(candidate));
    if (file !== undefined) return { include: true, reason: `fileMatch: ${glob} matched ${file}` };
  }
  if (namedAs !== undefined) return { include: true, reason: `fileMatch: the prompt names #${namedAs}` };
  if (globs.length === 0) return { include: false, reason: "fileMatch without a fileMatchPattern" };
  return {
    include: false,
    reason:
      filesInPlay.length === 0
        ? `fileMatch: no files in play to match ${globs.join(", ")}`
        : `fileMatch: no file in play matches ${globs.join(", ")}`,
  };
}

function compileGlob(glob: string): (path: string) => boolean {
  try {
    return picomatch(glob, { dot: true });
  } catch {
    return () => false;
  }
}
