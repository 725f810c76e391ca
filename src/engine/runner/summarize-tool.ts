const SUMMARY_LIMIT = 200;

/** A tool's input or output in one short line for the log and the live view (contents are not logged whole). */
export function summarizeToolInput(input: unknown): string {
  return shorten(describe(input));
}

export function summarizeToolOutput(output: unknown): string {
  if (output instanceof Error) return shorten(output.message);
  return shorten(describe(output));
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  try {
    return JSON.stringify(value, (_key, inner: unknown) =>
      typeof inner === "string" && inner.length > SUMMARY_LIMIT ? `${inner.slice(0, SUMMARY_LIMIT)}…` : inner,
    );
  } catch {
    return String(value);
  }
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > SUMMARY_LIMIT ? `${line.slice(0, SUMMARY_LIMIT - 1)}…` : line;
}
