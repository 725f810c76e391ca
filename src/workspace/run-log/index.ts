export { newRunId, RUNS_DIRECTORY_NAME, type RunRecordPaths, runRecordPaths } from "./run-record-paths.js";
export { acquireRunLock, editOrCreateTextFile, openRunRecords, type RunRecords, readRunLog } from "./run-records.js";
