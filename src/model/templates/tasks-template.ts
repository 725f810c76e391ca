import { placeholder } from "./placeholder.js";

/** `tasks.md` of a new feature spec: Kiro's implementation plan, each task tracing to the template's criteria. */
export function featureTasksTemplate(): string {
  return [
    "# Implementation Plan",
    "",
    "## Overview",
    "",
    placeholder("how the work is split into tasks and in what order"),
    "",
    "## Tasks",
    "",
    `- [ ] 1. ${placeholder("the first task, such as the module and its interfaces")}`,
    `  - ${placeholder("what to do, file by file")}`,
    "  - _Requirements: 1.1_",
    "",
    `- [ ] 2. ${placeholder("the next task")}`,
    `  - [ ] 2.1 ${placeholder("a sub-task")}`,
    `    - ${placeholder("what to do")}`,
    "    - _Requirements: 1.2, 1.3_",
    `  - [ ]* 2.2 Write property test for ${placeholder("the property's name")}`,
    `    - **Property 1: ${placeholder("the property's name")}**`,
    "    - **Validates: Requirements 1.1**",
    "",
    "- [ ] 3. Checkpoint - Ensure all tests pass, ask the user if questions arise.",
    "",
    "## Notes",
    "",
    "- Tasks marked with `*` are optional and can be skipped for a faster first version",
    "- Each task references the requirements it implements, for traceability",
    "",
  ].join("\n");
}

/**
 * `tasks.md` of a new bugfix spec, in the order Kiro's bugfix plans follow: a test that reproduces the bug
 * (and fails), preservation tests (which pass), then the fix, then the same tests again.
 */
export function bugfixTasksTemplate(): string {
  return [
    "# Implementation Plan",
    "",
    "## Overview",
    "",
    placeholder("the fix and how it will be verified, in a few sentences"),
    "",
    "## Tasks",
    "",
    "- [ ] 1. Write bug condition exploration test",
    "  - **Property 1: Bug Condition**",
    `  - ${placeholder("a test that reproduces the defect; it must fail on the unfixed code")}`,
    "  - _Requirements: 1.1_",
    "",
    "- [ ] 2. Write preservation property tests (before implementing the fix)",
    "  - **Property 2: Preservation**",
    `  - ${placeholder("tests of the behaviour that must not change; they pass on the unfixed code")}`,
    "  - _Requirements: 3.1_",
    "",
    `- [ ] 3. Fix ${placeholder("the defect, in a few words")}`,
    `  - [ ] 3.1 ${placeholder("the change that fixes the root cause")}`,
    `    - _Bug_Condition: ${placeholder("the bug condition")}_`,
    `    - _Expected_Behavior: ${placeholder("the expected behaviour")}_`,
    `    - _Preservation: ${placeholder("what must not change")}_`,
    "    - _Requirements: 2.1, 3.1_",
    "  - [ ] 3.2 Verify the bug condition exploration test now passes",
    "    - _Requirements: 2.1_",
    "  - [ ] 3.3 Verify the preservation tests still pass",
    "    - _Requirements: 3.1_",
    "",
    "- [ ] 4. Checkpoint - Ensure all tests pass, ask the user if questions arise.",
    "",
  ].join("\n");
}
