import { useEffect, useState } from "preact/hooks";
import { apiPaths } from "../api/api-paths";
import type { ApprovalInfo, ApprovalStateName, Diagnostic, RequirementInfo, SpecPageData } from "../api/api-types";
import { useResource } from "../api/use-resource";
import { ApprovalPanel } from "../approvals/approval-panel";
import { ApprovalChip } from "../components/approval-chip";
import { ErrorPanel } from "../components/error-panel";
import { TaskDiffPanel } from "../diffs/task-diff-panel";
import { MarkdownView } from "../markdown/markdown-view";
import { specHref } from "../routing/route";
import { navigate } from "../routing/use-route";
import { PausedQuestions } from "../runs/paused-questions";
import { StartRunForm } from "../runs/start-run-form";
import { DiagnosticList, RequirementsSection } from "./requirements-section";
import { TaskList } from "./task-tree";
import { TraceHeatMap } from "./trace-heat-map";

const tabs = ["requirements", "trace", "design", "tasks", "approvals"] as const;
type Tab = (typeof tabs)[number];

interface Properties {
  readonly root: string;
  readonly spec: string;
  readonly tab: string | undefined;
  readonly version: number;
}

const documentOrder = ["requirements", "bugfix", "design", "tasks"] as const;

/** The last document that exists in workflow order, as the board names the phase. */
function phaseOf(data: SpecPageData): string {
  return [...documentOrder].reverse().find((name) => data.documents[name] !== undefined) ?? "empty";
}

/** The phases with a document, as chips and panels take them. */
function approvalsOf(data: SpecPageData): readonly (readonly [string, ApprovalInfo])[] {
  return data.approvals
    .filter((approval) => approval.state !== "missing")
    .map((approval) => [approval.phase, { ...approval, state: approval.state as ApprovalStateName }] as const);
}

function findingKey(diagnostic: Diagnostic): string {
  return `${diagnostic.rule ?? ""}:${diagnostic.line ?? ""}:${diagnostic.message}`;
}

/** The spec's findings that no criterion shows inline (infos left out), so nothing is said twice. */
function specLevelFindings(data: SpecPageData, requirements: readonly RequirementInfo[]): readonly Diagnostic[] {
  const inline = new Set(
    requirements.flatMap((requirement) =>
      requirement.criteria.flatMap((criterion) => (criterion.diagnostics ?? []).map(findingKey)),
    ),
  );
  return data.diagnostics.filter((diagnostic) => diagnostic.severity !== "info" && !inline.has(findingKey(diagnostic)));
}

interface DiffChoice {
  readonly taskId: string;
  readonly confirming: boolean;
}

export function SpecView({ root, spec, tab, version }: Properties) {
  const page = useResource<SpecPageData>(apiPaths.spec(root, spec), version);
  const current: Tab = (tabs as readonly string[]).includes(tab ?? "") ? (tab as Tab) : "requirements";
  const [highlight, setHighlight] = useState<string | undefined>(undefined);
  const [runTask, setRunTask] = useState<string | undefined>(undefined);
  const [diffChoice, setDiffChoice] = useState<DiffChoice | undefined>(undefined);
  const open = (next: Tab, item?: string) => {
    setHighlight(item);
    navigate(specHref(root, spec, next));
  };

  useEffect(() => {
    if (highlight === undefined) return;
    const prefix = current === "tasks" ? "task" : "criterion";
    document.getElementById(`${prefix}-${highlight}`)?.scrollIntoView({ block: "center" });
  }, [highlight, current]);

  if (page.error !== undefined) return <ErrorPanel error={page.error} />;
  const data = page.data;
  if (data === undefined) return <p class="muted">Loading {spec}…</p>;
  const approvals = approvalsOf(data);
  const requirements = data.documents.requirements?.requirements ?? [];
  const design = data.documents.design?.text;
  return (
    <section class="spec-page" data-spec={spec} data-loaded-for={page.loadedFor}>
      <header class="spec-header">
        <a href="#/" class="back">
          ← board
        </a>
        <h2>{data.name}</h2>
        <span class="chip type">{data.type}</span>
        <span class="chip phase">phase: {phaseOf(data)}</span>
        {approvals.map(([document, approval]) => (
          <ApprovalChip key={document} document={document} approval={approval} />
        ))}
      </header>
      <nav class="tabs" aria-label="Spec sections">
        {tabs.map((name) => (
          <a
            key={name}
            href={specHref(root, spec, name)}
            class={name === current ? "tab active" : "tab"}
            aria-current={name === current ? "page" : undefined}
          >
            {name}
          </a>
        ))}
      </nav>
      <DiagnosticList diagnostics={specLevelFindings(data, requirements)} />
      {current === "requirements" && data.documents.bugfix !== undefined && (
        <MarkdownView text={data.documents.bugfix.text} />
      )}
      {current === "requirements" &&
        (data.documents.requirements !== undefined || data.documents.bugfix === undefined) && (
          <RequirementsSection requirements={requirements} highlight={highlight} />
        )}
      {current === "trace" && (
        <TraceHeatMap
          trace={data.trace}
          tasks={data.tasks}
          onCriterion={(id) => open("requirements", id)}
          onTask={(id) => open("tasks", id)}
        />
      )}
      {current === "design" &&
        (design === undefined || design === "" ? (
          <p class="muted">This spec has no design.md yet.</p>
        ) : (
          <MarkdownView text={design} diagrams />
        ))}
      {current === "tasks" && (
        <div class="tasks-section">
          <StartRunForm root={root} spec={spec} taskId={runTask} onClearTask={() => setRunTask(undefined)} />
          <PausedQuestions root={root} spec={spec} paused={data.paused ?? []} />
          {diffChoice !== undefined && (
            <TaskDiffPanel
              key={`${diffChoice.taskId}-${diffChoice.confirming}`}
              root={root}
              spec={spec}
              taskId={diffChoice.taskId}
              confirming={diffChoice.confirming}
              version={version}
              onClose={() => setDiffChoice(undefined)}
              onReverted={page.reload}
            />
          )}
          {data.tasks.length === 0 ? (
            <p class="muted">This spec has no tasks.md yet.</p>
          ) : (
            <TaskList
              tasks={data.tasks}
              facts={{
                checkpointed: new Set(data.checkpointed ?? []),
                needsReview: new Set((data.needsReview ?? []).map((entry) => entry.taskId)),
                highlight,
              }}
              actions={{
                onStart: (taskId) => {
                  setRunTask(taskId);
                  document.querySelector(".start-run")?.scrollIntoView({ block: "nearest" });
                },
                onDiff: (taskId) => setDiffChoice({ taskId, confirming: false }),
                onRevert: (taskId) => setDiffChoice({ taskId, confirming: true }),
                onReference: (reference) => open("requirements", reference),
              }}
            />
          )}
        </div>
      )}
      {current === "approvals" && (
        <div class="approvals">
          {approvals.length === 0 && <p class="muted">This spec has no document to approve yet.</p>}
          {approvals.map(([document, approval]) => (
            <ApprovalPanel
              key={document}
              root={root}
              spec={spec}
              document={document}
              approval={approval}
              version={version}
              onApproved={page.reload}
            />
          ))}
        </div>
      )}
    </section>
  );
}
