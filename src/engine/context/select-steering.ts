import type { SteeringInclusionMode } from "../../model/steering/steering-inclusion.js";
import { cutToSize } from "./cut-to-size.js";
import { decideInclusion } from "./inclusion-decision.js";
import { inlineFileReferences } from "./inline-file-references.js";
import type {
  ExcludedSteering,
  IncludedSteering,
  SteeringInput,
  SteeringProblem,
  SteeringSelection,
} from "./steering-selection.js";

export interface SelectSteeringInput {
  readonly steering: readonly SteeringInput[];
  /** Paths relative to the workspace root, `/`-separated; `./` and `\` are normalized. */
  readonly filesInPlay: readonly string[];
  readonly prompt: string;
  /** The most characters of steering text in total; a file that does not fit is cut, then left out. */
  readonly maxChars: number;
  /** Consider only files with these inclusion modes (default: all); the others are excluded with the reason. */
  readonly modes?: readonly SteeringInclusionMode[];
}

/** The order the cap is applied in: files asked for by name come before the ones included by guesswork. */
const PRIORITY: Record<string, number> = { always: 0, manual: 1, fileMatch: 2, auto: 3 };

/**
 * Pure: which steering files join a model's context and why, with their text (front matter removed,
 * `#[[file:…]]` inlined) cut to `maxChars` in total. Included files keep the workspace's order in the
 * result; when the cap bites, `always` files are served first, then `manual`, `fileMatch` and `auto`.
 */
export function selectSteering(input: SelectSteeringInput): SteeringSelection {
  const filesInPlay = input.filesInPlay.map(normalizePath);
  const problems: SteeringProblem[] = [];
  const excluded: ExcludedSteering[] = [];
  const candidates: { index: number; entry: SteeringInput; reason: string; text: string }[] = [];
  input.steering.forEach((entry, index) => {
    const mode = entry.document.inclusionMode;
    if (input.modes !== undefined && (mode === "unknown" || !input.modes.includes(mode))) {
      excluded.push({ path: entry.path, reason: `${mode}: not considered here (only ${input.modes.join(", ")})` });
      return;
    }
    const decision = decideInclusion(entry.path, entry.document, { filesInPlay, prompt: input.prompt });
    if (!decision.include) {
      excluded.push({ path: entry.path, reason: decision.reason });
      return;
    }
    const files = entry.referencedFiles ?? [];
    for (const file of files) {
      if (file.problem !== undefined)
        problems.push({ path: entry.path, message: `#[[file:${file.path}]]: ${file.problem}` });
    }
    candidates.push({ index, entry, reason: decision.reason, text: inlineFileReferences(entry.document, files) });
  });
  const byPriority = [...candidates].sort((a, b) => priorityOf(a.entry) - priorityOf(b.entry) || a.index - b.index);
  let remaining = Math.max(0, input.maxChars);
  const kept = new Map<number, IncludedSteering>();
  for (const candidate of byPriority) {
    const cut = cutToSize(candidate.text, remaining);
    if (cut.text === "" && candidate.text !== "") {
      // Too little room left even for the note that says what was cut.
      excluded.push({ path: candidate.entry.path, reason: `${candidate.reason}, but the size cap was reached` });
      continue;
    }
    remaining -= cut.text.length;
    kept.set(candidate.index, {
      path: candidate.entry.path,
      reason: candidate.reason,
      text: cut.text,
      truncated: cut.truncated,
      fullChars: candidate.text.length,
    });
  }
  const included = [...kept.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
  return { included, excluded, problems };
}

function priorityOf(entry: SteeringInput): number {
  return PRIORITY[entry.document.inclusionMode] ?? 4;
}

function normalizePath(path: string): string {
  return path.replaceAll("\\", "/").replace(/^(?:\.\/)+/, "");
}
