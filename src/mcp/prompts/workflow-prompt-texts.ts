/**
 * The workflow each prompt hands to the host agent. The gates are the point: the agent stops and asks the
 * user to approve a phase before it writes the next one, and never checks a task off itself.
 */

export function createSpecPromptText(input: { readonly spec: string; readonly idea: string }): string {
  return `You are writing a spec with Specwright, in Kiro's format: requirements → design → tasks, each approved by the user before the next is written.

Feature: ${input.idea}
Spec name: ${input.spec}

Workflow and gates — follow them in order:

1. Call \`list_specs\`. If "${input.spec}" does not exist, call \`create_spec\` with { spec: "${input.spec}" } to scaffold it.
2. Call \`get_steering\` for the main files this feature touches, and read the steering it returns.
3. Ask the user up to five clarifying questions about scope, users and constraints. Wait for the answers.
4. Write requirements.md: an Introduction, a Glossary of the system names you use (\`**Name**: meaning\`), and numbered \`### Requirement N: Title\` sections, each with a **User Story:** and acceptance criteria in EARS form ("1. WHEN <trigger>, THE <System_Name> SHALL <response>"; also IF/THEN, WHILE, WHERE). Send it with \`create_spec\` { spec, document: "requirements", content, force: true }. If diagnostics come back, fix every error and send it again.
5. STOP. Show the user the requirements and ask them to approve. Only when they say so, call \`approve\` { spec, phase: "requirements" }. Never approve on your own.
6. Write design.md (Overview, Architecture, Components and Interfaces, Data Models, Correctness Properties — each "### Property N: Title" with "**Validates: Requirements N.M**" —, Error Handling, Testing Strategy). Reuse the libraries and modules the project already has. Send it with \`create_spec\` (document: "design", force: true), fix the diagnostics, then STOP and ask for approval; call \`approve\` { phase: "design" } only after the user approves.
7. Write tasks.md: a numbered checklist ("- [ ] 1. …", sub-tasks "- [ ] 1.1 …"), each leaf task ending with "_Requirements: N.M_", checkpoints where the whole test suite must pass. Send it, fix the diagnostics, call \`validate\` and \`get_trace\`: every criterion must be covered by a task. STOP and ask for approval; then \`approve\` { phase: "tasks" }.

Do not start implementing tasks in this prompt: that is the execute-task prompt.`;
}

export function executeTaskPromptText(input: { readonly spec: string; readonly taskId?: string }): string {
  const which =
    input.taskId === undefined
      ? `Call \`next_task\` { spec: "${input.spec}" }. If kind is "done", tell the user and stop; if "blocked", tell the user which task is in progress and ask whether to finish or reset it (\`set_task_status\`); if "checkpoint", run the whole test suite, report, and ask the user before going on.`
      : `The task is ${input.taskId}.`;
  return `You are implementing ONE task of the Specwright spec "${input.spec}". The engine, not you, checks tasks off.

1. ${which}
2. Call \`get_approvals\` { spec: "${input.spec}" }. If tasks.md is not approved (or anything before it is changed since approval or stale), STOP and ask the user to review and approve first.
3. Call \`start_task\` { spec: "${input.spec}", taskId }. It marks the task in progress and returns its context: the steering that applies, the acceptance criteria the task references and the design sections about them. Read it all.
4. Implement exactly this task — no other task, no unrelated refactoring. Write or update the tests that prove its criteria. Follow the steering; reuse what the project has.
5. Call \`complete_task\` { spec: "${input.spec}", taskId }. It runs the project's verification and marks the task done only if it passes. If it fails, read the output, fix the code, and call it again. Never edit the checkbox in tasks.md yourself, and never mark a task done with \`set_task_status\` to get past a failure.
6. Report to the user what changed and the verification result. Then stop: the next task starts from a new request.`;
}

export function refineSpecPromptText(input: {
  readonly spec: string;
  readonly document: string;
  readonly feedback: string;
}): string {
  return `You are revising ${input.document}.md of the Specwright spec "${input.spec}".

Feedback to address: ${input.feedback}

1. Call \`get_spec\` { spec: "${input.spec}" } and read the current ${input.document}.md and the documents before it.
2. Change only what the feedback asks; keep requirement and criterion numbers stable so task references stay valid. Keep EARS form and the document's structure.
3. Send the whole revised document with \`create_spec\` { spec: "${input.spec}", document: "${input.document}", content, force: true }. Fix every error it returns and send again.
4. The change invalidates the approval of this document and makes later documents stale. Call \`get_approvals\` and tell the user which later documents must be revised to match (design after requirements, tasks after design).
5. STOP and ask the user to review and approve the revised ${input.document}.md; call \`approve\` { spec: "${input.spec}", phase: "${input.document}" } only after they say so. Then offer to revise the stale later documents, one at a time, with the same gate.`;
}
