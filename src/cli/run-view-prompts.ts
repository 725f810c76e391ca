import { createInterface } from "node:readline/promises";
import type { UserQuestion } from "../engine/agent-tools/agent-tool-context.js";
import type { ApprovalRequest, ApprovalResponse } from "../engine/runner/approval.js";
import type { InterruptedChoice, InterruptedTask } from "../engine/runner/run-spec-tasks.js";
import { paint, type Terminal } from "./terminal.js";

/** Asks one question on the terminal and returns the trimmed answer. */
async function ask(question: string): Promise<string> {
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await readline.question(question)).trim();
  } finally {
    readline.close();
  }
}

/** The agent's `ask_user` on the terminal: the question, its options, Enter for the default. */
export async function promptUserQuestion(question: UserQuestion): Promise<string> {
  const options = question.options?.length ? ` (${question.options.join(" / ")})` : "";
  const fallback = question.default ? ` [${question.default}]` : "";
  const answer = await ask(`The agent asks: ${question.question}${options}${fallback} `);
  return answer === "" ? (question.default ?? "") : answer;
}

/** The TTY answer to tasks an interrupted run left behind. */
export async function promptInterrupted(tasks: readonly InterruptedTask[]): Promise<InterruptedChoice> {
  process.stdout.write(
    `A run of this spec did not finish: ${tasks.map((task) => `${task.id} "${task.title}" (${task.status})`).join(", ")}.\n`,
  );
  for (;;) {
    const answer = (await ask("[r]esume them or re[s]et them to [ ]? ")).toLowerCase();
    if (answer === "r" || answer === "resume") return "resume";
    if (answer === "s" || answer === "reset") return "reset";
  }
}

/** The supervised review: each file's diff, then accept, reject the file, or reject with a message. */
export async function promptApproval(request: ApprovalRequest, terminal: Terminal): Promise<ApprovalResponse> {
  const rejectedPaths: string[] = [];
  let message: string | undefined;
  process.stdout.write(`\nTask ${request.taskId}, step ${request.step}: ${request.files.length} file(s) changed.\n`);
  for (const file of request.files) {
    process.stdout.write(
      `\n${paint(terminal, "bold", `${file.change} ${file.path}`)}\n${colorDiff(file.diff, terminal)}\n`,
    );
    for (;;) {
      const answer = (await ask("[a]ccept, [r]eject this file, reject with a [m]essage? ")).toLowerCase();
      if (answer === "a" || answer === "") break;
      if (answer === "r") {
        rejectedPaths.push(file.path);
        break;
      }
      if (answer === "m") {
        rejectedPaths.push(file.path);
        const text = await ask("message for the model: ");
        message = message === undefined ? text : `${message}\n${text}`;
        break;
      }
    }
  }
  return { rejectedPaths, ...(message ? { message } : {}) };
}

/** Yes or no for a command the settings say to ask about. */
export async function promptCommand(command: string): Promise<boolean> {
  const answer = (await ask(`The agent wants to run \`${command}\`. Allow it? [y/N] `)).toLowerCase();
  return answer === "y" || answer === "yes";
}

function colorDiff(diff: string, terminal: Terminal): string {
  return diff
    .split("\n")
    .map((line) =>
      line.startsWith("+") && !line.startsWith("+++")
        ? paint(terminal, "green", line)
        : line.startsWith("-") && !line.startsWith("---")
          ? paint(terminal, "red", line)
          : line,
    )
    .join("\n");
}
