import type { MarkdownLine } from "../markdown/scan-markdown.js";
import type { UserStory } from "./requirements-types.js";
import { userStoryLabelLength } from "./section-titles.js";
import { spanLocation } from "./span-location.js";

export interface FoundUserStory {
  readonly story: UserStory;
  readonly firstIndex: number;
  readonly lastIndex: number;
}

/**
 * Finds the user story in lines [from, to): the first paragraph that opens with a `**User Story:**` label
 * (or a localized one), or with `**As a**` / `**Como**` when the story has no label. The paragraph runs to
 * the next blank line, so a story split over `**I want**` / `**So that**` lines stays one story.
 */
export function findUserStory(lines: readonly MarkdownLine[], from: number, to: number): FoundUserStory | undefined {
  for (let index = from; index < Math.min(to, lines.length); index++) {
    const entry = lines[index];
    if (!entry || entry.kind.type === "heading") return undefined;
    if (entry.kind.type !== "text") continue;
    const labelLength = userStoryLabelLength(entry.line.text);
    if (labelLength === undefined) continue;
    let lastIndex = index;
    while (lines[lastIndex + 1]?.kind.type === "text") lastIndex++;
    const parts: string[] = [];
    for (let part = index; part <= lastIndex; part++) parts.push(lines[part]?.line.text.trim() ?? "");
    const first = entry.line;
    const last = lines[lastIndex]?.line ?? first;
    const text = [entry.line.text.slice(labelLength).trim(), ...parts.slice(1)].join(" ").trim();
    return {
      story: { text, location: spanLocation(first, first.text.length - first.text.trimStart().length, last) },
      firstIndex: index,
      lastIndex,
    };
  }
  return undefined;
}
