import { useState } from "preact/hooks";
import type { ApiError } from "../api/api-error";
import { apiPaths } from "../api/api-paths";
import type { ApprovalDiff, ApprovalInfo } from "../api/api-types";
import { requestJson } from "../api/request-json";
import { useResource } from "../api/use-resource";
import { ApprovalChip } from "../components/approval-chip";
import { ErrorPanel } from "../components/error-panel";
import { UnifiedDiffView } from "../components/unified-diff-view";

interface Properties {
  readonly root: string;
  readonly spec: string;
  readonly document: string;
  readonly approval: ApprovalInfo;
  readonly version: number;
  onApproved(): void;
}

const stateHelp: Record<string, string> = {
  approved: "The document is exactly as it was approved.",
  changed: "The document was edited after its approval; approve it again once the edit is reviewed.",
  stale: "A document this one builds on was approved again (or changed), so this approval may no longer hold.",
  unapproved: "Nobody has approved this document yet.",
};

/** One document's approval: its state explained, the diff since the last approval and the approve button. */
export function ApprovalPanel({ root, spec, document, approval, version, onApproved }: Properties) {
  const diff = useResource<ApprovalDiff>(apiPaths.approvalDiff(root, spec, document), version);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>(undefined);
  const approve = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await requestJson(apiPaths.approve(root, spec, document), {});
      onApproved();
      diff.reload();
    } catch (error) {
      setFailure(error as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const state = diff.data?.state ?? approval.state;
  return (
    <section class="approval-panel" data-document={document} data-state={state}>
      <header class="panel-header">
        <h3>{document}.md</h3>
        <ApprovalChip document={document} approval={{ ...approval, state }} />
        <button type="button" class="primary" disabled={busy || state === "approved"} onClick={approve}>
          {state === "approved" ? "Approved" : `Approve ${document}`}
        </button>
      </header>
      <p class="explanation">{diff.data?.explanation ?? approval.explanation ?? stateHelp[state]}</p>
      {failure !== undefined && <ErrorPanel error={failure} />}
      {diff.error !== undefined && <ErrorPanel error={diff.error} />}
      {diff.data !== undefined && diff.data.diff !== "" && state !== "approved" && (
        <UnifiedDiffView diff={diff.data.diff} layout="line-by-line" />
      )}
    </section>
  );
}
