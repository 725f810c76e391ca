// Every API URL in one place, so docs/ui-api.md has one counterpart in the client.

const part = encodeURIComponent;

export const apiPaths = {
  roots: "/api/roots",
  board: "/api/board",
  costs: "/api/costs",
  runs: "/api/runs",
  changes: "/api/events",
  spec: (root: string, spec: string) => `/api/specs/${part(root)}/${part(spec)}`,
  approvalDiff: (root: string, spec: string, document: string) =>
    `/api/specs/${part(root)}/${part(spec)}/approvals/${part(document)}/diff`,
  approve: (root: string, spec: string, document: string) =>
    `/api/specs/${part(root)}/${part(spec)}/approvals/${part(document)}`,
  taskDiff: (root: string, spec: string, taskId: string) =>
    `/api/specs/${part(root)}/${part(spec)}/tasks/${part(taskId)}/diff`,
  revert: (root: string, spec: string, taskId: string) =>
    `/api/specs/${part(root)}/${part(spec)}/tasks/${part(taskId)}/revert`,
  run: (runId: string) => `/api/runs/${part(runId)}`,
  runEvents: (runId: string) => `/api/runs/${part(runId)}/events`,
  review: (runId: string, reviewId: string) => `/api/runs/${part(runId)}/reviews/${part(reviewId)}`,
  question: (runId: string, questionId: string) => `/api/runs/${part(runId)}/questions/${part(questionId)}`,
  command: (runId: string, commandId: string) => `/api/runs/${part(runId)}/commands/${part(commandId)}`,
  cancel: (runId: string) => `/api/runs/${part(runId)}/cancel`,
};
