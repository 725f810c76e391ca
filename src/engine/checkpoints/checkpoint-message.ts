/** A subject a person recognises in `git log --all`, and trailers a tool can read back. */
export function checkpointMessage(options: {
  readonly spec: string;
  readonly taskId: string;
  readonly stage: string;
  readonly runId?: string | undefined;
}): string {
  const trailers = [
    `Specwright-Spec: ${options.spec}`,
    `Specwright-Task: ${options.taskId}`,
    `Specwright-Stage: ${options.stage}`,
    ...(options.runId === undefined ? [] : [`Specwright-Run: ${options.runId}`]),
  ];
  return `specwright checkpoint: ${options.spec} task ${options.taskId} (${options.stage})\n\n${trailers.join("\n")}\n`;
}
