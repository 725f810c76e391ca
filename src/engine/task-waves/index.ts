export { computeWaves } from "./compute-waves.js";
export { type IntendedWaves, intendedWaves } from "./intended-waves.js";
export { type LoadedTaskWaves, type LoadTaskWavesOptions, loadTaskWaves } from "./load-task-waves.js";
export { type PlannedWaves, planWaves, readKiroWaves } from "./plan-waves.js";
export { type RunTaskWavesOptions, type RunTaskWavesResult, runTaskWaves } from "./run-task-waves.js";
export type { KiroWaves, TaskWave, WaveDependencyReason, WavePlan } from "./task-waves-types.js";
export type { WaveMergeResult, WaveRecord, WaveRunEvent, WaveRunSummary } from "./wave-events.js";
export {
  type PlanWavesOutcome,
  refreshPlanWaves,
  type WritePlanWavesOptions,
  type WrittenPlanWaves,
  writePlanWaves,
} from "./write-plan-waves.js";
