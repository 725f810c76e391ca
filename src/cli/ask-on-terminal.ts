import { createInterface } from "node:readline/promises";
import type { Clarification, ClarifyingQuestion } from "../engine/authoring/clarifying-question.js";
import { detectTerminal, paint } from "./terminal.js";

/** Whether the user can be asked: both stdin and stderr (where questions are shown) are a terminal. */
export function canAskOnTerminal(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/** Asks each question on the terminal; an empty answer takes the suggested one. */
export async function askQuestionsOnTerminal(questions: readonly ClarifyingQuestion[]): Promise<Clarification[]> {
  const terminal = detectTerminal(process.stderr);
  const readline = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answers: Clarification[] = [];
    for (const [index, question] of questions.entries()) {
      process.stderr.write(
        `\n${paint(terminal, "bold", `${index + 1}. ${question.question}`)} ${paint(terminal, "dim", `(${question.id})`)}\n`,
      );
      const typed = (await readline.question(`   [${question.suggestedAnswer}] › `)).trim();
      answers.push(
        typed === ""
          ? { ...question, answer: question.suggestedAnswer, source: "suggested" }
          : { ...question, answer: typed, source: "terminal" },
      );
    }
    return answers;
  } finally {
    readline.close();
  }
}

/** A yes/no question on the terminal; anything but y/yes is no. */
export async function confirmOnTerminal(question: string): Promise<boolean> {
  const readline = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await readline.question(`${question} [y/N] `)).trim());
  } finally {
    readline.close();
  }
}
