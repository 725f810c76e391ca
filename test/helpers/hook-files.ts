/** A Kiro 1.0 hook file (`.kiro/hooks/<name>.json`) with one command hook. */
export function commandHookFile(hook: {
  readonly name: string;
  readonly trigger: string;
  readonly command: string;
  readonly matcher?: string;
  readonly timeout?: number;
  readonly enabled?: boolean;
}): string {
  const { command, ...rest } = hook;
  return `${JSON.stringify({ version: "v1", hooks: [{ ...rest, action: { type: "command", command } }] }, null, 2)}\n`;
}

/** A Kiro 0.x hook (`.kiro/hooks/<name>.kiro.hook`) that runs a command. */
export function legacyCommandHook(hook: {
  readonly name: string;
  readonly type: string;
  readonly command: string;
  readonly patterns?: readonly string[];
  readonly enabled?: boolean;
}): string {
  return `${JSON.stringify(
    {
      enabled: hook.enabled ?? true,
      name: hook.name,
      version: "1",
      when: { type: hook.type, ...(hook.patterns ? { patterns: hook.patterns } : {}) },
      // biome-ignore lint/suspicious/noThenProperty: Kiro's 0.x hook format names the action "then".
      then: { type: "runCommand", command: hook.command },
    },
    null,
    2,
  )}\n`;
}
