import { z } from "zod";

/** `.kiro/specs/<name>/tasks.meta.json`: Kiro's records about task runs, keyed by task title. Kept as written. */
export const TasksMetaSchema = z
  .looseObject({
    pbtResults: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Property-based test results, keyed by task title."),
    executionHistory: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Past runs of each task, keyed by task title."),
  })
  .describe("A spec's `tasks.meta.json` file.");

export type TasksMeta = z.output<typeof TasksMetaSchema>;
