import type { TaskNode } from "../api/api-types";

export interface TaskActions {
  onStart(taskId: string): void;
  onDiff(taskId: string): void;
  onRevert(taskId: string): void;
  onReference(reference: string): void;
}

const statusWords: Record<string, string> = {
  done: "done",
  "in-progress": "in progress",
  queued: "queued",
  "not-started": "to do",
  todo: "to do",
};

function TaskItem({
  task,
  actions,
  highlight,
}: {
  readonly task: TaskNode;
  readonly actions: TaskActions;
  readonly highlight: string | undefined;
}) {
  const leaf = task.children.length === 0;
  return (
    <li
      id={`task-${task.id}`}
      class={task.id === highlight ? "task highlighted" : "task"}
      data-task={task.id}
      data-status={task.status}
    >
      <div class="task-line">
        <code class={`marker status-${task.status}`} title={statusWords[task.status] ?? task.status}>
          {`[${task.marker ?? (task.status === "done" ? "x" : " ")}]`}
        </code>
        <span class="task-id">{task.id}</span>
        <span class="task-title">{task.title}</span>
        {task.optional && <span class="chip optional">optional</span>}
        {task.references.map((reference) => (
          <button type="button" key={reference} class="chip reference" onClick={() => actions.onReference(reference)}>
            {reference}
          </button>
        ))}
        {leaf && (
          <span class="task-actions">
            <button type="button" onClick={() => actions.onStart(task.id)}>
              Start
            </button>
            <button type="button" onClick={() => actions.onDiff(task.id)}>
              Diff
            </button>
            <button type="button" class="danger" onClick={() => actions.onRevert(task.id)}>
              Revert
            </button>
          </span>
        )}
      </div>
      {!leaf && <TaskList tasks={task.children} actions={actions} highlight={highlight} />}
    </li>
  );
}

export function TaskList({
  tasks,
  actions,
  highlight,
}: {
  readonly tasks: readonly TaskNode[];
  readonly actions: TaskActions;
  readonly highlight: string | undefined;
}) {
  return (
    <ul class="task-tree">
      {tasks.map((task) => (
        <TaskItem key={task.id} task={task} actions={actions} highlight={highlight} />
      ))}
    </ul>
  );
}
