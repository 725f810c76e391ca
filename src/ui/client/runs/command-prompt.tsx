import type { CommandRequest } from "../api/api-types";

/** A shell command the agent wants to run that the settings say to ask about: allow it once, or refuse it. */
export function CommandPrompt({
  command,
  onAnswer,
}: {
  readonly command: CommandRequest;
  onAnswer(allow: boolean): void;
}) {
  return (
    <section class="review-panel command-prompt" aria-label="Command to allow">
      <h3>The agent wants to run a command</h3>
      <pre>{command.request.command}</pre>
      {command.request.rule !== undefined && (
        <p class="muted">
          Asked because of the rule <code>{command.request.rule}</code>
          {command.request.segment !== undefined && command.request.segment !== command.request.command && (
            <>
              {" "}
              (on <code>{command.request.segment}</code>)
            </>
          )}
          .
        </p>
      )}
      <div class="buttons">
        <button type="button" class="primary" onClick={() => onAnswer(true)}>
          Allow
        </button>
        <button type="button" class="danger" onClick={() => onAnswer(false)}>
          Refuse
        </button>
      </div>
    </section>
  );
}
