export interface CutText {
  readonly text: string;
  readonly truncated: boolean;
}

/**
 * The text if it fits in `maxChars`, else its start cut at the last line break that fits, followed by a
 * note saying how much was left out, so the model knows the text goes on. The note counts toward the cap.
 */
export function cutToSize(text: string, maxChars: number): CutText {
  if (text.length <= maxChars) return { text, truncated: false };
  const note = (left: number) => `\n[… ${left} more characters cut to fit the context]`;
  const room = maxChars - note(text.length).length;
  if (room <= 0) return { text: "", truncated: true };
  const lineBreak = text.lastIndexOf("\n", room);
  const end = lineBreak > room / 2 ? lineBreak : room;
  return { text: `${text.slice(0, end)}${note(text.length - end)}`, truncated: true };
}
