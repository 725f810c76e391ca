import { useState } from "preact/hooks";
import type { RunQuestion } from "../api/api-types";

/** The agent's `ask_user` question: pick an option or type an answer. */
export function QuestionForm({
  question,
  onAnswer,
}: {
  readonly question: RunQuestion;
  onAnswer(answer: string): void;
}) {
  const [answer, setAnswer] = useState(question.default ?? question.options?.[0] ?? "");
  return (
    <form
      class="question-form"
      aria-label="Question from the agent"
      onSubmit={(event) => {
        event.preventDefault();
        if (answer.trim() !== "") onAnswer(answer.trim());
      }}
    >
      <h3>The agent asks</h3>
      <p class="question">{question.question}</p>
      {question.options !== undefined && question.options.length > 0 && (
        <div class="options">
          {question.options.map((option) => (
            <label key={option}>
              <input type="radio" name="answer-option" checked={answer === option} onChange={() => setAnswer(option)} />{" "}
              {option}
            </label>
          ))}
        </div>
      )}
      <input
        name="answer"
        value={answer}
        onInput={(event) => setAnswer(event.currentTarget.value)}
        aria-label="Answer"
      />
      <button type="submit" class="primary">
        Answer
      </button>
    </form>
  );
}
