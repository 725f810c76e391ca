/**
 * "THE Guide SHALL state that IF the key is missing, THE App SHALL refuse to start": after a reporting verb,
 * the condition and its SHALL are the content the system states (a message, a document, a check), not a
 * second response or a misplaced precondition. Blanked out with spaces of the same length, like quotes.
 */
const REPORTED =
  /\bSHALL\s+(?:(?:also|clearly|explicitly)\s+)?(?:state|say|document|specify|explain|note|indicate|describe|display|show|print|warn|read|declare|record|mention)s?\s+(?:that\b|:)\s*/giu;
const CONDITION_START =
  /^["“']?\s*(?:IF|WHEN|WHILE|WHERE|THE|ANY|ALL|NO|EVERY)\b|^["“']?\s*[\p{L}\p{N}_ ,]*?\bSHALL\b/u;

export function maskReported(masked: string): string {
  if (!masked.includes("SHALL") && !masked.includes("shall")) return masked;
  REPORTED.lastIndex = 0;
  const match = REPORTED.exec(masked);
  if (!match) return masked;
  const start = match.index + match[0].length;
  if (!CONDITION_START.test(masked.slice(start))) return masked;
  // To the end of the sentence: a later line break keeps lines (and indexes) where they are.
  const end = sentenceEnd(masked, start);
  return masked.slice(0, start) + masked.slice(start, end).replace(/[^\r\n]/g, " ") + masked.slice(end);
}

function sentenceEnd(text: string, from: number): number {
  const stop = /[.;](?:\s|$)/g;
  stop.lastIndex = from;
  const found = stop.exec(text);
  return found ? found.index : text.length;
}
