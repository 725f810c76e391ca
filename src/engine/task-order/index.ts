export { type ExecutionOrderOptions, executionOrder } from "./execution-order.js";
export { type FoundNextTask, findNextTask } from "./find-next-task.js";
export { type NextTask, nextTask } from "./next-task.js";
