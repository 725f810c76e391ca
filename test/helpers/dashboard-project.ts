import { createRunnerProject, RUNNER_TASKS } from "./runner-project.js";
import { SAMPLE_WORKSPACE } from "./sample-specs.js";
import { writeTree } from "./temp-dir.js";

/** The calculator's design with a mermaid diagram, so the page has one to render. */
export const DIAGRAM_DESIGN = `# Design Document

## Overview

Two more exported functions in \`src/calculator.js\`.

## Architecture

\`\`\`mermaid
flowchart LR
  Caller --> Calculator
  Calculator --> Subtract
  Calculator --> Multiply
\`\`\`

## Correctness Properties

### Property 1: Subtract inverts add

*For any* numbers a and b, subtract(add(a, b), b) equals a.

**Validates: Requirements 1.1**
`;

/** The runner's plan with one more open task, so a test can still start a task after the others are done. */
export const DASHBOARD_TASKS = `${RUNNER_TASKS}- [ ] 4. Add divide to src/calculator.js with a test
  - _Requirements: 2.1_
`;

/**
 * A git repository with three specs: the runner's calculator (runnable against the fake model, design with a
 * diagram, the plan above), rate-limiting (feature) and double-save (bugfix).
 */
export async function createDashboardProject(root: string): Promise<void> {
  await createRunnerProject(root);
  await writeTree(root, {
    ...SAMPLE_WORKSPACE,
    ".kiro/specs/calculator/design.md": DIAGRAM_DESIGN,
    ".kiro/specs/calculator/tasks.md": DASHBOARD_TASKS,
  });
}
