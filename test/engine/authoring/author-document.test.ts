import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { approvePhase } from "../../../src/engine/approvals/approve-phase.js";
import { getApprovals } from "../../../src/engine/approvals/get-approvals.js";
import { authorDocument } from "../../../src/engine/authoring/author-document.js";
import type { AuthoringContextSources } from "../../../src/engine/authoring/authoring-context-sources.js";
import { EngineError } from "../../../src/engine/errors/engine-error.js";
import { FEATURE_CONFIG, RATE_LIMITING, writeSpecFiles } from "../../helpers/authoring-fixtures.js";
import { scriptedSession } from "../../helpers/authoring-session.js";
import type { MockReply } from "../../helpers/mock-model.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

const INVENTORY: AuthoringContextSources = {
  steering: async () => ({
    sections: [
      { source: ".kiro/steering/tech.md", title: "Steering: tech.md", text: "Express 5, ioredis.", reason: "always" },
    ],
    excluded: [{ source: ".kiro/steering/api.md", reason: "fileMatch: no file in play matches src/api/**" }],
  }),
  inventory: async () => ({
    sections: [
      {
        source: "repository inventory",
        title: "Repository inventory",
        text: "ioredis 5.4.1 (package-lock.json)",
        reason: "design reuses what is installed",
      },
    ],
    excluded: [],
  }),
};

/** A plan three levels deep: the model keeps writing it, the plan-depth check keeps refusing it. */
const DEEP_PLAN = RATE_LIMITING.tasks.replace(
  "    - _Requirements: 4.1, 5.1_\n",
  "    - _Requirements: 4.1, 5.1_\n    - [ ] 1.1.1 Pick the key layout\n      - _Requirements: 5.1_\n",
);

describe("authorDocument", () => {
  const directory = useTempDirectory();
  const folder = () => join(directory(), ".kiro", "specs", "rate-limiting");
  const writeDesignedSpec = () =>
    writeSpecFiles(directory(), "rate-limiting", {
      ".config.kiro": FEATURE_CONFIG,
      "requirements.md": RATE_LIMITING.refinedRequirements,
      "design.md": RATE_LIMITING.design,
    });

  async function design(replies: readonly MockReply[], options: { approveOnTheWay?: boolean; force?: boolean } = {}) {
    const { session, mock } = await scriptedSession(replies);
    const result = authorDocument({
      root: directory(),
      session,
      spec: "rate-limiting",
      document: "design",
      sources: INVENTORY,
      ...options,
    });
    return { result, mock };
  }

  it("refuses without approved requirements and calls no model", async () => {
    await writeSpecFiles(directory(), "rate-limiting", {
      ".config.kiro": FEATURE_CONFIG,
      "requirements.md": RATE_LIMITING.refinedRequirements,
    });
    const { result, mock } = await design([]);
    await expect(result).rejects.toMatchObject({ code: "not-approved" });
    expect(mock.calls).toHaveLength(0);
  });

  it("writes design.md from approved requirements, steering and the inventory (approving on the way)", async () => {
    await writeSpecFiles(directory(), "rate-limiting", {
      ".config.kiro": FEATURE_CONFIG,
      "requirements.md": RATE_LIMITING.refinedRequirements,
    });
    const { result, mock } = await design([RATE_LIMITING.design], { approveOnTheWay: true });
    const written = await result;
    expect(written).toMatchObject({ status: "written", file: ".kiro/specs/rate-limiting/design.md" });
    expect(await readFile(join(folder(), "design.md"), "utf8")).toBe(RATE_LIMITING.design);
    const sent = mock.prompts()[0]?.lastUser ?? "";
    expect(sent).toContain("### Requirement 4: Exempt administrators");
    expect(sent).toContain("ioredis 5.4.1");
    expect(sent).toContain("Express 5, ioredis.");
    expect(written.context.entries.map((entry) => [entry.source, entry.status])).toEqual([
      ["requirements.md", "included"],
      [".kiro/steering/tech.md", "included"],
      ["repository inventory", "included"],
      [".kiro/steering/api.md", "excluded"],
    ]);
    const approvals = await getApprovals({ root: directory(), spec: "rate-limiting" });
    expect(approvals.phases.find((phase) => phase.phase === "requirements")?.state).toBe("approved");
  });

  it("repairs a property that validates a criterion that does not exist", async () => {
    await writeSpecFiles(directory(), "rate-limiting", {
      ".config.kiro": FEATURE_CONFIG,
      "requirements.md": RATE_LIMITING.refinedRequirements,
    });
    await approvePhase({ root: directory(), spec: "rate-limiting", phase: "requirements" });
    const wrong = RATE_LIMITING.design.replace("**Validates: Requirements 4.1**", "**Validates: Requirements 4.7**");
    const { result, mock } = await design([wrong, RATE_LIMITING.design]);
    expect(await result).toMatchObject({ status: "written", repairs: 1 });
    expect(mock.prompts()[1]?.lastUser).toContain("4.7");
  });

  it("refuses to overwrite a written design, but replaces an unfilled template", async () => {
    await writeSpecFiles(directory(), "rate-limiting", {
      ".config.kiro": FEATURE_CONFIG,
      "requirements.md": RATE_LIMITING.refinedRequirements,
      "design.md": "# Design Document\n\n## Overview\n\nWritten by hand.\n",
    });
    await approvePhase({ root: directory(), spec: "rate-limiting", phase: "requirements" });
    await expect((await design([])).result).rejects.toMatchObject({ code: "document-exists" });
    await writeFile(join(folder(), "design.md"), "# Design Document\n\n## Overview\n\n<fill: what and why>\n");
    expect(await (await design([RATE_LIMITING.design])).result).toMatchObject({ status: "written" });
  });

  it("writes tasks.md from the approved design, every criterion covered, none optional with allRequired", async () => {
    await writeSpecFiles(directory(), "rate-limiting", {
      ".config.kiro": FEATURE_CONFIG,
      "requirements.md": RATE_LIMITING.refinedRequirements,
      "design.md": RATE_LIMITING.design,
    });
    const uncovered = RATE_LIMITING.tasks.replace("    - _Requirements: 5.2_\n", "    - _Requirements: 5.1_\n");
    const { session, mock } = await scriptedSession([uncovered, RATE_LIMITING.tasks]);
    const written = await authorDocument({
      root: directory(),
      session,
      spec: "rate-limiting",
      document: "tasks",
      approveOnTheWay: true,
      allRequired: true,
      sources: INVENTORY,
    });
    expect(written).toMatchObject({ status: "written", repairs: 1 });
    expect(mock.prompts()[1]?.lastUser).toContain("Criterion 5.2 is not referenced by any task");
    expect(mock.prompts()[0]?.lastUser).not.toContain("ioredis 5.4.1");
    const tasks = await readFile(join(folder(), "tasks.md"), "utf8");
    expect(tasks).not.toContain("[ ]*");
    expect(tasks).toBe(RATE_LIMITING.tasks.replace("- [ ]* 1.2", "- [ ] 1.2"));
  });

  it("sends a plan nested three levels deep back", async () => {
    await writeDesignedSpec();
    const { session } = await scriptedSession([DEEP_PLAN, DEEP_PLAN, DEEP_PLAN]);
    const draft = await authorDocument({
      root: directory(),
      session,
      spec: "rate-limiting",
      document: "tasks",
      approveOnTheWay: true,
      sources: INVENTORY,
    });
    expect(draft).toMatchObject({ status: "draft" });
    expect(draft.problems.map((problem) => problem.rule)).toContain("authoring/plan-depth");
    expect((await readdir(folder())).filter((name) => name.startsWith("tasks"))).toEqual(["tasks.md.draft"]);
  });

  it("keeps the last document as a draft when a repair call fails, then reports the failure", async () => {
    await writeDesignedSpec();
    const down = new EngineError({
      code: "model-unavailable",
      message: "The model server answered 503.",
      fix: "Try again.",
    });
    const { session } = await scriptedSession([DEEP_PLAN, { error: down }]);
    const run = authorDocument({
      root: directory(),
      session,
      spec: "rate-limiting",
      document: "tasks",
      approveOnTheWay: true,
      sources: INVENTORY,
    });
    await expect(run).rejects.toMatchObject({
      code: "model-unavailable",
      message: expect.stringContaining("kept in .kiro/specs/rate-limiting/tasks.md.draft"),
    });
    expect((await readdir(folder())).filter((name) => name.startsWith("tasks"))).toEqual(["tasks.md.draft"]);
    expect(await readFile(join(folder(), "tasks.md.draft"), "utf8")).toBe(DEEP_PLAN);
  });

  it("cuts context that does not fit the window, with a report, and still sends the approved documents whole", async () => {
    await writeSpecFiles(directory(), "rate-limiting", {
      ".config.kiro": FEATURE_CONFIG,
      "requirements.md": RATE_LIMITING.refinedRequirements,
    });
    const huge: AuthoringContextSources = {
      steering: async () => ({
        sections: [
          {
            source: ".kiro/steering/huge.md",
            title: "Steering: huge.md",
            text: "Use Redis.\n".repeat(5000),
            reason: "always",
          },
        ],
        excluded: [],
      }),
      inventory: INVENTORY.inventory,
    };
    const { session, mock } = await scriptedSession([RATE_LIMITING.design]);
    const written = await authorDocument({
      root: directory(),
      session,
      spec: "rate-limiting",
      document: "design",
      approveOnTheWay: true,
      sources: huge,
      maxContextChars: RATE_LIMITING.refinedRequirements.length + 2000,
    });
    expect(written.status).toBe("written");
    const steering = written.context.entries.find((entry) => entry.source === ".kiro/steering/huge.md");
    expect(steering?.status).toBe("cut");
    expect(mock.prompts()[0]?.lastUser).toContain(RATE_LIMITING.refinedRequirements.trimEnd());
    expect(mock.prompts()[0]?.lastUser).toContain("[… cut:");
  });

  it("derives requirements from the approved design in a design-first spec, and refuses to rewrite the first document", async () => {
    await writeSpecFiles(directory(), "rate-limiting", {
      ".config.kiro": '{"specId": "1", "workflowType": "design-first", "specType": "feature"}',
      "design.md": RATE_LIMITING.design,
    });
    const first = await scriptedSession([]);
    await expect(
      authorDocument({
        root: directory(),
        session: first.session,
        spec: "rate-limiting",
        document: "design",
        sources: INVENTORY,
      }),
    ).rejects.toMatchObject({ code: "first-document", kind: "usage" });
    const { session, mock } = await scriptedSession([RATE_LIMITING.refinedRequirements]);
    const written = await authorDocument({
      root: directory(),
      session,
      spec: "rate-limiting",
      document: "requirements",
      approveOnTheWay: true,
      sources: INVENTORY,
    });
    expect(written).toMatchObject({ status: "written", file: ".kiro/specs/rate-limiting/requirements.md" });
    expect(mock.prompts()[0]?.lastUser).toContain("Approved design.md");
    expect(mock.prompts()[0]?.lastUser).toContain("### Property 3: Admins are never counted");
  });
});
