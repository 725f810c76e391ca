/**
 * Control characters (except tab and newline) and Unicode bidirectional controls, which a name or path
 * from the user can carry: echoed raw they would move the cursor, recolor the terminal or reorder what
 * is shown (U+202E makes `gpj.exe` read `exe.jpg`).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as it may be written to a terminal: every unsafe character becomes a visible `\u{…}` escape.
 * The one function every human-readable message that echoes user-supplied names or paths goes through.
 */
export function escapeTerminalText(text: string): string {
  return text.replace(
    UNSAFE,
    (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}}`,
  );
}
