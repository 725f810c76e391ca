import type { BugfixGroup } from "./bugfix-types.js";

/** Tried in this order: "Unchanged Behavior" mentions neither "current" nor "expected", the others differ too. */
const GROUP_TITLES: readonly (readonly [BugfixGroup, RegExp])[] = [
  ["unchanged", /unchanged|regression|preserv|不变|保持|変更されない|維持|변경되지 않는|유지/i],
  ["current", /current\s+behaviou?r|\bdefect\b|当前行为|现有行为|現在の(?:動作|挙動)|현재 동작/i],
  ["expected", /expected\s+behaviou?r|\bcorrect\b|期望行为|预期行为|期待される(?:動作|挙動)|예상 동작|기대 동작/i],
];

/** Which bug-analysis group a heading opens, or undefined for any other heading. */
export function bugfixGroupOfTitle(title: string): BugfixGroup | undefined {
  const text = title.replace(/\*\*/g, "");
  return GROUP_TITLES.find(([, pattern]) => pattern.test(text))?.[0];
}

export const GROUP_NUMBER: Readonly<Record<BugfixGroup, string>> = { current: "1", expected: "2", unchanged: "3" };

export const GROUP_HEADING: Readonly<Record<BugfixGroup, string>> = {
  current: "Current Behavior (Defect)",
  expected: "Expected Behavior (Correct)",
  unchanged: "Unchanged Behavior (Regression Prevention)",
};
