import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { approvePhase } from "../../../src/engine/approvals/approve-phase.js";
import { getApprovals } from "../../../src/engine/approvals/get-approvals.js";
import { NO_CONTEXT_SOURCES } from "../../../src/engine/authoring/authoring-context-sources.js";
import { applyRefinement, refineDocument } from "../../../src/engine/authoring/refine-document.js";
import { FEATURE_CONFIG, RATE_LIMITING, writeSpecFiles } from "../../helpers/authoring-fixtures.js";
import { scriptedSession } from "../../helpers/authoring-session.js";
import type { MockReply } from "../../helpers/mock-model.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

/** A manual edit the model must keep: a sentence only the user wrote. */
const MANUAL = RATE_LIMITING.requirements.replace(
  "so that every server instance enforces the same limits.",
  "so that every server instance enforces the same limits. (Edited by hand: ops asked for this.)",
);
const REFINED = RATE_LIMITING.refinedRequirements.replace(
  "so that every server instance enforces the same limits.",
  "so that every server instance enforces the same limits. (Edited by hand: ops asked for this.)",
);

describe("refineDocument", () => {
  const directory = useTempDirectory();
  const file = () => join(directory(), ".kiro", "specs", "rate-limiting", "requirements.md");

  async function refine(replies: readonly MockReply[], instruction = "admin users are exempt") {
    await writeSpecFiles(directory(), "rate-limiting", { ".config.kiro": FEATURE_CONFIG, "requirements.md": MANUAL });
    await approvePhase({ root: directory(), spec: "rate-limiting", phase: "requirements" });
    const { session, mock } = await scriptedSession(replies);
    const outcome = await refineDocument({
      root: directory(),
      session,
      spec: "rate-limiting",
      document: "requirements",
      instruction,
      sources: NO_CONTEXT_SOURCES,
    });
    return { outcome, mock };
  }

  it("revises the file as it is on disk, shows a diff, and applies it only when asked", async () => {
    const { outcome, mock } = await refine([REFINED]);
    expect(mock.prompts()[0]?.lastUser).toContain("(Edited by hand: ops asked for this.)");
    expect(mock.prompts()[0]?.lastUser).toContain("admin users are exempt");
    if (outcome.status !== "proposed") throw new Error("expected a proposal");
    expect(outcome.proposal.diff).toContain("+### Requirement 4: Exempt administrators");
    expect(outcome.proposal.diff).toContain("-### Requirement 4: Shared counters");
    expect(outcome.proposal.diff).not.toContain("-Rate limiting for the Express API");
    expect(await readFile(file(), "utf8")).toBe(MANUAL);
    expect(await applyRefinement(outcome.proposal)).toEqual({ changed: true });
    expect(await readFile(file(), "utf8")).toBe(REFINED);
    const approvals = await getApprovals({ root: directory(), spec: "rate-limiting" });
    expect(approvals.phases.find((phase) => phase.phase === "requirements")?.state).toBe("unapproved");
  });

  it("refuses to apply when the file changed during the review, and keeps the new edit", async () => {
    const { outcome } = await refine([REFINED]);
    if (outcome.status !== "proposed") throw new Error("expected a proposal");
    const concurrent = `${MANUAL}\n<!-- another edit -->\n`;
    await writeFile(file(), concurrent);
    await expect(applyRefinement(outcome.proposal)).rejects.toMatchObject({ code: "changed-meanwhile" });
    expect(await readFile(file(), "utf8")).toBe(concurrent);
  });

  it("leaves the document alone and writes a draft when the revision keeps failing", async () => {
    const broken = REFINED.replace("SHALL pass the request without counting it", "passes the request");
    const { outcome } = await refine([broken, broken, broken]);
    expect(outcome.status).toBe("draft");
    expect(await readFile(file(), "utf8")).toBe(MANUAL);
    expect(await readdir(join(directory(), ".kiro", "specs", "rate-limiting"))).toContain("requirements.md.draft");
  });

  it("refuses an empty instruction and a missing document", async () => {
    await expect(refine([], " ")).rejects.toMatchObject({ code: "empty-instruction" });
    const { session } = await scriptedSession([]);
    await expect(
      refineDocument({ root: directory(), session, spec: "rate-limiting", document: "design", instruction: "x" }),
    ).rejects.toMatchObject({ code: "missing-document" });
  });
});
