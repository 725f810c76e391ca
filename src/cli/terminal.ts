/** How to write to the terminal: colour only on a TTY, and never when NO_COLOR is set (no-color.org). */
export interface Terminal {
  readonly color: boolean;
  readonly interactive: boolean;
  readonly width: number;
}

export function detectTerminal(stream: NodeJS.WriteStream = process.stdout): Terminal {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  const forceColor = process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0";
  const interactive = stream.isTTY === true;
  return { color: !noColor && (forceColor || interactive), interactive, width: stream.columns ?? 80 };
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, cyan: 36, dim: 2, bold: 1 } as const;
export type Style = keyof typeof CODES;

export function paint(terminal: Terminal, style: Style, text: string): string {
  return terminal.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}

/** `[#####-----]` on a terminal; `done/total` alone otherwise (the caller prints the numbers either way). */
export function progressBar(terminal: Terminal, done: number, total: number, width = 20): string {
  if (!terminal.interactive || total === 0) return "";
  const filled = Math.round((done / total) * width);
  const bar = "█".repeat(filled) + "░".repeat(width - filled);
  return paint(terminal, done === total ? "green" : "cyan", bar);
}
