import { z } from "zod";
import { taskReferenceIds } from "../../model/tasks/task-reference-ids.js";
import type { Task } from "../../model/tasks/task-types.js";

export const taskSummarySchema = z.object({
  id: z.string().nullable(),
  title: z.string(),
  status: z.enum(["todo", "in-progress", "queued", "done"]),
  optional: z.boolean(),
  checkpoint: z.boolean(),
  requirements: z.array(z.string()).describe("The criteria ids the task references (_Requirements: …_)."),
  details: z.array(z.string()),
});

export type TaskSummary = z.output<typeof taskSummarySchema>;

/** What an agent needs to know of a task to pick it up; sub-tasks are left out (they are tasks of their own). */
export function summarizeTask(task: Task): TaskSummary {
  return {
    id: task.id ?? null,
    title: task.title,
    status: task.status,
    optional: task.optional,
    checkpoint: task.checkpoint,
    requirements: taskReferenceIds(task, "requirements"),
    details: task.details.map((detail) => detail.text),
  };
}
