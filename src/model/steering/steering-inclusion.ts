/** The inclusion modes Kiro knows for steering files. */
export const STEERING_INCLUSION_MODES = ["always", "fileMatch", "manual", "auto"] as const;
export type SteeringInclusionMode = (typeof STEERING_INCLUSION_MODES)[number];

export function isSteeringInclusionMode(value: string): value is SteeringInclusionMode {
  return (STEERING_INCLUSION_MODES as readonly string[]).includes(value);
}

/** What a user who wrote an unknown `inclusion:` value most likely meant, and how to say it. */
export function suggestInclusionFix(value: string, hasFileMatchPattern: boolean): string {
  const sameExceptCase = STEERING_INCLUSION_MODES.find((mode) => mode.toLowerCase() === value.toLowerCase());
  if (sameExceptCase) return `Write \`inclusion: ${sameExceptCase}\` (the value is case-sensitive).`;
  if (hasFileMatchPattern) return "Use `inclusion: fileMatch` to include the file when a matching file is in play.";
  if (/^(never|off|none|disabled?|false)$/i.test(value)) {
    return "Use `inclusion: manual` to include the file only when you name it, or move it out of .kiro/steering.";
  }
  return `Use one of ${STEERING_INCLUSION_MODES.join(", ")}.`;
}
