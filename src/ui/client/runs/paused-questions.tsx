import { useState } from "preact/hooks";
import type { ApiError } from "../api/api-error";
import { apiPaths } from "../api/api-paths";
import type { PausedQuestion } from "../api/api-types";
import { requestJson } from "../api/request-json";
import { ErrorPanel } from "../components/error-panel";
import { runHref } from "../routing/route";
import { navigate } from "../routing/use-route";
import { QuestionForm } from "./question-form";

/** Tasks an earlier run paused on a question nobody answered: answering one resumes its task (`run --answer`). */
export function PausedQuestions({
  root,
  spec,
  paused,
}: {
  readonly root: string;
  readonly spec: string;
  readonly paused: readonly PausedQuestion[];
}) {
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  if (paused.length === 0) return null;
  const resume = async (entry: PausedQuestion, answer: string) => {
    setFailure(undefined);
    try {
      const body = { root, spec, taskIds: [entry.taskId], mode: "autopilot", answers: { [entry.question.id]: answer } };
      const { runId } = await requestJson<{ runId: string }>(apiPaths.runs, body);
      navigate(runHref(runId));
    } catch (error) {
      setFailure(error as ApiError);
    }
  };
  return (
    <section class="paused-questions">
      <h3>Paused, waiting for an answer</h3>
      {failure !== undefined && <ErrorPanel error={failure} />}
      {paused.map((entry) => (
        <div key={`${entry.taskId}-${entry.question.id}`} data-task={entry.taskId}>
          <p class="muted">
            Task {entry.taskId}
            {entry.title === undefined ? "" : ` (${entry.title})`} asked:
          </p>
          <QuestionForm
            question={{ questionId: entry.question.id, ...entry.question }}
            onAnswer={(answer) => void resume(entry, answer)}
          />
        </div>
      ))}
    </section>
  );
}
