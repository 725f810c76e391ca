import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ApprovalsRecord } from "../../../src/engine/approvals/approval-record.js";
import { parseApprovalsRecord, serializeApprovalsRecord } from "../../../src/engine/approvals/approval-record.js";
import { computeApprovalStates, firstUnapproved } from "../../../src/engine/approvals/approval-state.js";
import { documentHash } from "../../../src/engine/approvals/document-hash.js";
import { phaseOrder, type SpecPhase } from "../../../src/engine/approvals/spec-phase.js";

const REQUIREMENTS = documentHash("requirements");
const DESIGN = documentHash("design");
const TASKS = documentHash("tasks");
const ORDER: SpecPhase[] = ["requirements", "design", "tasks"];

function record(approvals: ApprovalsRecord["approvals"]): ApprovalsRecord {
  return { schemaVersion: 1, approvals };
}

function statesOf(hashes: Partial<Record<SpecPhase, string>>, approvals: ApprovalsRecord["approvals"]): string[] {
  return computeApprovalStates(ORDER, hashes, record(approvals)).map((phase) => phase.state);
}

describe("phaseOrder", () => {
  it("puts requirements (or the bug analysis) first, and design first in a design-first spec", () => {
    expect(phaseOrder("feature", undefined)).toEqual(["requirements", "design", "tasks"]);
    expect(phaseOrder("feature", "fast-task")).toEqual(["requirements", "design", "tasks"]);
    expect(phaseOrder("bugfix", "requirements-first")).toEqual(["bugfix", "design", "tasks"]);
    expect(phaseOrder("feature", "design-first")).toEqual(["design", "requirements", "tasks"]);
    expect(phaseOrder("bugfix", "design-first")).toEqual(["design", "bugfix", "tasks"]);
  });
});

describe("documentHash", () => {
  it("hashes the exact bytes: a line-ending change is a change", () => {
    expect(documentHash("a\nb\n")).toMatch(/^[0-9a-f]{64}$/);
    expect(documentHash("a\nb\n")).not.toBe(documentHash("a\r\nb\r\n"));
    expect(documentHash("\uFEFFa")).not.toBe(documentHash("a"));
  });
});

describe("computeApprovalStates", () => {
  const hashes = { requirements: REQUIREMENTS, design: DESIGN, tasks: TASKS };

  it("tells missing, unapproved and approved documents apart", () => {
    expect(statesOf({ requirements: REQUIREMENTS }, {})).toEqual(["unapproved", "missing", "missing"]);
    expect(
      statesOf(hashes, {
        requirements: { sha256: REQUIREMENTS, approvedAt: "2026-01-01T00:00:00.000Z" },
        design: { sha256: DESIGN, approvedAt: "2026-01-02T00:00:00.000Z" },
      }),
    ).toEqual(["approved", "approved", "unapproved"]);
  });

  it("marks an edited document changed since approval, and every approved phase after it stale", () => {
    const states = statesOf(
      { ...hashes, requirements: documentHash("requirements, edited") },
      {
        requirements: { sha256: REQUIREMENTS, approvedAt: "2026-01-01T00:00:00.000Z" },
        design: { sha256: DESIGN, approvedAt: "2026-01-02T00:00:00.000Z" },
        tasks: { sha256: TASKS, approvedAt: "2026-01-03T00:00:00.000Z" },
      },
    );
    expect(states).toEqual(["changed-since-approval", "stale", "stale"]);
  });

  it("marks a phase stale when an earlier one was approved again after it", () => {
    const states = statesOf(hashes, {
      requirements: { sha256: REQUIREMENTS, approvedAt: "2026-01-05T00:00:00.000Z" },
      design: { sha256: DESIGN, approvedAt: "2026-01-02T00:00:00.000Z" },
      tasks: { sha256: TASKS, approvedAt: "2026-01-06T00:00:00.000Z" },
    });
    // tasks was approved after everything before it, but design is stale, so tasks builds on a stale design.
    expect(states).toEqual(["approved", "stale", "stale"]);
  });

  it("counts approvals in the same millisecond as in order (approving on the way)", () => {
    const at = "2026-01-01T00:00:00.000Z";
    const states = statesOf(hashes, {
      requirements: { sha256: REQUIREMENTS, approvedAt: at },
      design: { sha256: DESIGN, approvedAt: at },
    });
    expect(states).toEqual(["approved", "approved", "unapproved"]);
  });

  it("keeps the approval's own data beside the current hash", () => {
    const [requirements] = computeApprovalStates(
      ORDER,
      { requirements: REQUIREMENTS },
      record({ requirements: { sha256: DESIGN, approvedAt: "2026-01-01T00:00:00.000Z" } }),
    );
    expect(requirements).toEqual({
      phase: "requirements",
      document: "requirements.md",
      state: "changed-since-approval",
      sha256: REQUIREMENTS,
      approvedSha256: DESIGN,
      approvedAt: "2026-01-01T00:00:00.000Z",
    });
  });

  it("property: a phase is approved only if every phase before it is approved", () => {
    const phaseRecord = fc.option(
      fc.record({
        matches: fc.boolean(),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
        fc.tuple(phaseRecord, phaseRecord, phaseRecord),
        (present, records) => {
          const current: Partial<Record<SpecPhase, string>> = {};
          const approvals: Record<string, { sha256: string; approvedAt: string }> = {};
          ORDER.forEach((phase, index) => {
            const hash = documentHash(phase);
            if (present[index]) current[phase] = hash;
            const entry = records[index];
            if (entry) {
              approvals[phase] = {
                sha256: entry.matches ? hash : documentHash(`${phase}-old`),
                approvedAt: `2026-02-${String(entry.day).padStart(2, "0")}T00:00:00.000Z`,
              };
            }
          });
          const states = computeApprovalStates(ORDER, current, record(approvals));
          states.forEach((state, index) => {
            if (state.state !== "approved") return;
            for (const earlier of states.slice(0, index)) {
              expect(earlier.state).toBe("approved");
              expect(Date.parse(earlier.approvedAt ?? "")).toBeLessThanOrEqual(Date.parse(state.approvedAt ?? ""));
            }
          });
          const first = firstUnapproved(states);
          if (first)
            expect(states.slice(0, states.indexOf(first)).every((state) => state.state === "approved")).toBe(true);
        },
      ),
    );
  });
});

describe("approvals record", () => {
  it("round-trips and keeps unknown keys", () => {
    const text = serializeApprovalsRecord({
      schemaVersion: 1,
      approvals: { design: { sha256: DESIGN, approvedAt: "2026-01-01T00:00:00.000Z" } },
      note: "kept",
    } as ApprovalsRecord);
    const parsed = parseApprovalsRecord(text);
    expect(parsed.ok && parsed.record).toMatchObject({ note: "kept", approvals: { design: { sha256: DESIGN } } });
  });

  it("reports a damaged file instead of reading it as empty", () => {
    expect(parseApprovalsRecord("{")).toMatchObject({ ok: false, problem: expect.stringContaining("not valid JSON") });
    const wrong = parseApprovalsRecord(JSON.stringify({ schemaVersion: 1, approvals: { design: { sha256: "x" } } }));
    expect(wrong).toMatchObject({ ok: false, problem: expect.stringContaining("approvals.design") });
    expect(parseApprovalsRecord(JSON.stringify({ schemaVersion: 2, approvals: {} })).ok).toBe(false);
  });
});
