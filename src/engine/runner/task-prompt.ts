import type { Task } from "../../model/tasks/task-types.js";

/** The agent's standing instructions; the task itself comes in the first user message. */
export const AGENT_SYSTEM_PROMPT = [
  "You are a careful software engineer implementing exactly one task of a spec in this repository.",
  "Use the tools to read the code before you change it, make the smallest change that completes the task,",
  "and write or update tests for it. Paths are relative to the repository root.",
  "Do not edit tasks.md and do not mark tasks done: Specwright checks the task off itself, and only after",
  "the project's tests pass. You may run the tests with run_command to check your work.",
  "When you are finished, reply with a short summary of what you changed. If anything in the task is",
  "unclear, end your reply with a section headed `Open questions:` listing each question on its own line.",
  "Use ask_user only for a trade-off the spec leaves open (e.g. which of two approaches to take), never for",
  "what the spec, the steering or the code already answer; give the options and the one you would choose.",
].join("\n");

/** What the user answered to earlier questions (`--answer`), for a task resumed after a pause. */
export function answersPrompt(answers: ReadonlyMap<string, string>): string {
  if (answers.size === 0) return "";
  const lines = [...answers].map(([id, answer]) => `- ${id}: ${answer}`);
  return ["", "The user answered your earlier questions (ask_user); follow these answers:", ...lines].join("\n");
}

export function taskPrompt(task: Task, context: string): string {
  return [
    `Implement task ${task.id ?? ""} "${task.title}".`,
    "",
    "Everything you need to know about it follows: the project's steering, the task, the requirements it",
    "references, the design sections that mention them and a map of the repository.",
    "",
    context,
  ].join("\n");
}

/** A checkpoint task has nothing to build: the full test suite must pass, so the model only repairs. */
export function checkpointPrompt(task: Task, context: string): string {
  return [
    `"${task.title}" is a checkpoint: the full test suite must pass before the work goes on, and it fails now.`,
    "Find the cause and fix it; the test output follows after the context.",
    "",
    context,
  ].join("\n");
}

export function verificationFailurePrompt(command: string, outputTail: string, round: number, of: number): string {
  return [
    `Verification failed: \`${command}\` did not pass (repair round ${round} of ${of}). Its output ends with:`,
    "",
    "```",
    outputTail,
    "```",
    "",
    "Fix the cause (in the code, or in the tests when they are wrong about the task), then reply with a summary.",
  ].join("\n");
}
