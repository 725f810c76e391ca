import type { CriterionInfo, Diagnostic, RequirementInfo } from "../api/api-types";

function DiagnosticLine({ diagnostic }: { readonly diagnostic: Diagnostic }) {
  return (
    <li class={`diagnostic ${diagnostic.severity}`}>
      <span class={`chip severity-${diagnostic.severity}`}>{diagnostic.severity}</span> {diagnostic.message}
      {diagnostic.rule !== undefined && <code class="muted"> {diagnostic.rule}</code>}
      {diagnostic.fix !== undefined && diagnostic.fix !== "" && <div class="fix">Fix: {diagnostic.fix}</div>}
    </li>
  );
}

export function DiagnosticList({ diagnostics }: { readonly diagnostics: readonly Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <ul class="diagnostics">
      {diagnostics.map((diagnostic, index) => (
        <DiagnosticLine key={`${diagnostic.rule ?? ""}-${diagnostic.line ?? 0}-${index}`} diagnostic={diagnostic} />
      ))}
    </ul>
  );
}

function CriterionRow({
  criterion,
  highlighted,
}: {
  readonly criterion: CriterionInfo;
  readonly highlighted: boolean;
}) {
  return (
    <li id={`criterion-${criterion.id}`} class={highlighted ? "criterion highlighted" : "criterion"}>
      <span class="criterion-id">{criterion.id}</span>
      <span class={`chip ears ears-${criterion.ears ?? "none"}`} title="EARS pattern">
        {criterion.ears ?? "none"}
      </span>
      <span class="criterion-text">{criterion.text}</span>
      <DiagnosticList diagnostics={criterion.diagnostics ?? []} />
    </li>
  );
}

export function RequirementsSection({
  requirements,
  highlight,
}: {
  readonly requirements: readonly RequirementInfo[];
  readonly highlight: string | undefined;
}) {
  if (requirements.length === 0) return <p class="muted">This spec has no requirements with criteria.</p>;
  return (
    <div class="requirements">
      {requirements.map((requirement) => (
        <article class="requirement" key={requirement.id}>
          <h3>
            Requirement {requirement.id}
            {requirement.title !== undefined && requirement.title !== "" && `: ${requirement.title}`}
          </h3>
          {requirement.userStory !== undefined && <p class="user-story">{requirement.userStory}</p>}
          <ol class="criteria">
            {requirement.criteria.map((criterion) => (
              <CriterionRow key={criterion.id} criterion={criterion} highlighted={criterion.id === highlight} />
            ))}
          </ol>
        </article>
      ))}
    </div>
  );
}
