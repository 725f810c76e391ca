import { titleOfName } from "./markdown-text.js";
import { placeholder } from "./placeholder.js";

/**
 * `bugfix.md` of a new bugfix spec in Kiro's format: the defect (1.x, no SHALL), the expected behaviour
 * (2.x, SHALL) and the behaviour that must not change (3.x, SHALL CONTINUE TO), each clause a placeholder.
 */
export function bugfixTemplate(name: string): string {
  const bug = titleOfName(name);
  return [
    "# Bugfix Requirements Document",
    "",
    "## Introduction",
    "",
    placeholder(`what goes wrong in ${bug}, who it affects, and its root cause if known`),
    "",
    "## Bug Analysis",
    "",
    "### Current Behavior (Defect)",
    "",
    `1.1 WHEN ${placeholder("the input or action that triggers the bug")} THEN the system ${placeholder("what happens now, the defect")}`,
    "",
    "### Expected Behavior (Correct)",
    "",
    `2.1 WHEN ${placeholder("the same input or action")} THEN the system SHALL ${placeholder("what should happen instead")}`,
    "",
    "### Unchanged Behavior (Regression Prevention)",
    "",
    `3.1 WHEN ${placeholder("a related input that works today")} THEN the system SHALL CONTINUE TO ${placeholder("what it does today")}`,
    "",
  ].join("\n");
}
