import type { TaskNode } from "../api/api-types";

export interface TaskActions {
  onStart(taskId: string): void;
  onDiff(taskId: string): void;
  onRevert(taskId: string): void;
  onReference(reference: string): void;
}

/** What the tree knows besides the tasks: which have checkpoints (diff and revert) and which wait for review. */
export interface TaskFacts {
  readonly checkpointed: ReadonlySet<string>;
  readonly needsReview: ReadonlySet<string>;
  readonly highlight: string | undefined;
}

const statusWords: Record<string, string> = {
  done: "done",
  "in-progress": "in progress",
  queued: "queued",
  todo: "to do",
};

/** Every action names its task by number (`run --task`, the checkpoints), so an unnumbered one has none. */
const NO_NUMBER =
  'This task has no number, so it cannot be run, diffed or reverted: number it in tasks.md (e.g. "- [ ] 3. …").';

function TaskActionButtons({
  id,
  actions,
  facts,
}: {
  readonly id: string | null;
  readonly actions: TaskActions;
  readonly facts: TaskFacts;
}) {
  const checkpointed = id !== null && facts.checkpointed.has(id);
  const noCheckpoint = id === null ? NO_NUMBER : "No checkpoint yet: a run of this task makes one.";
  return (
    <span class="task-actions">
      <button
        type="button"
        onClick={() => id !== null && actions.onStart(id)}
        disabled={id === null}
        title={id === null ? NO_NUMBER : undefined}
      >
        Start
      </button>
      <button
        type="button"
        onClick={() => id !== null && actions.onDiff(id)}
        disabled={!checkpointed}
        title={checkpointed ? undefined : noCheckpoint}
      >
        Diff
      </button>
      <button
        type="button"
        class="danger"
        onClick={() => id !== null && actions.onRevert(id)}
        disabled={!checkpointed}
        title={checkpointed ? undefined : noCheckpoint}
      >
        Revert
      </button>
    </span>
  );
}

function TaskItem({
  task,
  actions,
  facts,
}: {
  readonly task: TaskNode;
  readonly actions: TaskActions;
  readonly facts: TaskFacts;
}) {
  const leaf = task.children.length === 0;
  const id = task.id;
  return (
    <li
      id={id === null ? undefined : `task-${id}`}
      class={id === null ? "task unnumbered" : id === facts.highlight ? "task highlighted" : "task"}
      data-task={id ?? undefined}
      data-status={task.status}
    >
      <div class="task-line">
        <code class={`marker status-${task.status}`} title={statusWords[task.status] ?? task.status}>
          {`[${task.marker ?? (task.status === "done" ? "x" : " ")}]`}
        </code>
        <span class="task-id" title={id === null ? NO_NUMBER : undefined}>
          {id ?? "–"}
        </span>
        <span class="task-title">{task.title}</span>
        {task.optional && <span class="chip optional">optional</span>}
        {id !== null && facts.needsReview.has(id) && <span class="chip needs-review">needs review</span>}
        {task.references.map((reference) => (
          <button type="button" key={reference} class="chip reference" onClick={() => actions.onReference(reference)}>
            {reference}
          </button>
        ))}
        {leaf && <TaskActionButtons id={id} actions={actions} facts={facts} />}
      </div>
      {!leaf && <TaskList tasks={task.children} actions={actions} facts={facts} />}
    </li>
  );
}

export function TaskList({
  tasks,
  actions,
  facts,
}: {
  readonly tasks: readonly TaskNode[];
  readonly actions: TaskActions;
  readonly facts: TaskFacts;
}) {
  return (
    <ul class="task-tree">
      {tasks.map((task, position) => (
        <TaskItem key={task.id ?? `line-${task.line ?? position}`} task={task} actions={actions} facts={facts} />
      ))}
    </ul>
  );
}
