/**
 * The markdown document inside a model's answer: reasoning blocks (`<think>…</think>`), a wrapping
 * ```markdown fence and chatter before the title are dropped; fences inside the document (mermaid, code)
 * stay. Undefined when no `# ` title is found: the answer is not a document (a refusal, an empty reply).
 */
export function extractMarkdownDocument(answer: string): string | undefined {
  const withoutThinking = answer.replace(/<think>[\s\S]*?<\/think>/g, "").replace(/\r\n/g, "\n");
  const lines = withoutThinking.split("\n");
  const titleIndex = lines.findIndex((line) => /^# \S/.test(line));
  if (titleIndex < 0) return undefined;
  const opensWithFence = lines.slice(0, titleIndex).some((line) => /^\s*(```|~~~)\s*(markdown|md)?\s*$/i.test(line));
  let body = lines.slice(titleIndex);
  if (opensWithFence) {
    const closing = lastWrapperFence(body);
    if (closing >= 0) body = body.slice(0, closing);
  }
  const text = body.join("\n").trimEnd();
  return text === "" ? undefined : `${text}\n`;
}

/**
 * The line that closes the wrapping fence. Fences inside the document come in pairs, so with the wrapper's
 * closing fence the count is odd and the wrapper's is the last bare one; an even count means the answer
 * stopped before closing the wrapper, and nothing is cut.
 */
function lastWrapperFence(lines: readonly string[]): number {
  const fences = lines.flatMap((line, index) => (/^\s*(```|~~~)\S*\s*$/.test(line) ? [index] : []));
  if (fences.length % 2 === 0) return -1;
  const last = fences.at(-1) ?? -1;
  return last >= 0 && /^\s*(```|~~~)\s*$/.test(lines[last] ?? "") ? last : -1;
}
