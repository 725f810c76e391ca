/**
 * An empty array that V8 already treats as a list of objects. `[]` starts as a list of small integers and
 * changes its hidden class when the first object is pushed, so a task's empty `children` and its filled ones
 * had two classes, and the task walks compiled for one were deoptimized by the other ("wrong map"). An
 * array's element kind never goes back, so one pushed and removed placeholder fixes the class for good.
 */
export function objectList<T extends object>(): T[] {
  const list: T[] = [PLACEHOLDER as T];
  list.pop();
  return list;
}

const PLACEHOLDER: object = {};
