/**
 * The questions the model raised, from the `Open questions:` section its instructions ask for (a heading
 * or a label line, then one question a line, bulleted or not). Without that section, nothing: a stray
 * question mark in a summary is not a question for the user.
 */
export function extractOpenQuestions(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^\s*(?:#+\s*)?\**open questions\**\s*:?\**\s*$/i.test(line));
  if (start < 0) return [];
  const questions: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*#/.test(line)) break;
    const item = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").trim();
    if (item === "") {
      if (questions.length > 0) break;
      continue;
    }
    if (/^(?:none|n\/a|no open questions)\.?$/i.test(item)) break;
    questions.push(item);
  }
  return questions;
}
