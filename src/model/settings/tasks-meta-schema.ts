import { z } from "zod";

const WaveTaskIdSchema = z.union([z.string(), z.number()]);

/**
 * One wave of Kiro's `waves`: a list of task ids (`["1", "2"]`), or the `{"id": 0, "tasks": [...]}` form
 * Kiro's task-dependency graphs use.
 */
export const TasksMetaWaveSchema = z
  .union([z.array(WaveTaskIdSchema), z.looseObject({ tasks: z.array(WaveTaskIdSchema) })])
  .describe("The ids of tasks that may run at the same time.");

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
    waves: z
      .array(TasksMetaWaveSchema)
      .optional()
      .describe(
        'The plan\'s waves in order: `[["1", "2"], ["3"]]`; a wave\'s tasks may run at once, after every earlier wave.',
      ),
  })
  .describe("A spec's `tasks.meta.json` file.");

export type TasksMeta = z.output<typeof TasksMetaSchema>;
