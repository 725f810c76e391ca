/** Caps that keep one tool result from flooding the model's context; each cut is announced in the result. */
export const TOOL_LIMITS = {
  /** Any tool's text (file content, command output) above this is cut in the middle by truncateOutput. */
  maxOutputBytes: 32 * 1024,
  /** Lines read_file returns when no limit is given. */
  defaultReadLines: 2000,
  /** A longer line is cut; minified files would otherwise fill the context in one line. */
  maxLineCharacters: 2000,
  /** Files list_files names at most. */
  maxListedFiles: 1000,
  /** Matches search returns at most. */
  maxSearchMatches: 200,
  /** Files search looks into at most. */
  maxSearchedFiles: 10_000,
  /** Larger files are skipped by search (generated or data files). */
  maxSearchedFileBytes: 1024 * 1024,
  /** Largest file read_file and edit_file accept. */
  maxReadFileBytes: 8 * 1024 * 1024,
  /** run_command's time-out when neither the call nor settings `agent.commandTimeoutMs` sets one. */
  defaultCommandTimeoutMs: 120_000,
  /** The longest time-out a call may ask for. */
  maxCommandTimeoutMs: 600_000,
} as const;

/** `line` cut to the per-line cap with a marker, so one minified line cannot fill the context. */
export function capLine(line: string): string {
  if (line.length <= TOOL_LIMITS.maxLineCharacters) return line;
  return `${line.slice(0, TOOL_LIMITS.maxLineCharacters)}… [line cut: ${line.length - TOOL_LIMITS.maxLineCharacters} more characters]`;
}
