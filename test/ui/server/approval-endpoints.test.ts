import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startDashboardForTest } from "../../helpers/dashboard-http.js";
import { SAMPLE_REQUIREMENTS, SAMPLE_WORKSPACE } from "../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-ui-approvals-");
const REQUIREMENTS = ".kiro/specs/rate-limiting/requirements.md";

async function boardState(api: (method: string, path: string) => Promise<{ json: unknown }>, phase: string) {
  const board = (await api("GET", "/api/board")).json as {
    specs: { name: string; approvals: Record<string, { state: string }> }[];
  };
  return board.specs.find((spec) => spec.name === "rate-limiting")?.approvals[phase]?.state;
}

describe("the dashboard's approvals and live changes", () => {
  it("approves a document as specwright approve does, then an edit on disk is pushed and turns it changed", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const { api, events } = await startDashboardForTest([directory()]);
    const before = await api("GET", "/api/specs/0/rate-limiting/approvals/requirements/diff");
    expect(before.json).toMatchObject({ state: "unapproved", diff: "", explanation: expect.stringContaining("never") });

    const approved = await api("POST", "/api/specs/0/rate-limiting/approvals/requirements", {});
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({
      spec: "rate-limiting",
      phase: "requirements",
      alreadyApproved: false,
      approvals: [{ phase: "requirements", state: "approved" }, { state: "unapproved" }, { state: "unapproved" }],
    });
    // The engine wrote its sidecar: the CLI sees the same approval.
    const sidecar = JSON.parse(
      await readFile(join(directory(), ".kiro/specs/rate-limiting/.specwright-approvals.json"), "utf8"),
    );
    expect(sidecar.approvals.requirements.sha256).toBe((approved.json as { sha256: string }).sha256);
    expect(await boardState(api, "requirements")).toBe("approved");
    const again = await api("POST", "/api/specs/0/rate-limiting/approvals/requirements", {});
    expect(again.json).toMatchObject({ alreadyApproved: true });

    const stream = await events("/api/events");
    await stream.waitFor((event) => event.event === "ready");
    const edited = SAMPLE_REQUIREMENTS.replace(
      "increment the client's counter",
      "increment the client's counter by one",
    );
    await writeFile(join(directory(), REQUIREMENTS), edited);
    const changed = await stream.waitFor(
      (event) => event.event === "changed" && JSON.stringify(event.data).includes("requirements.md"),
    );
    expect(changed.data).toEqual({ root: "0", spec: "rate-limiting", paths: [REQUIREMENTS] });
    expect(await boardState(api, "requirements")).toBe("changed");

    const diff = await api("GET", "/api/specs/0/rate-limiting/approvals/requirements/diff");
    const body = diff.json as { state: string; explanation: string; diff: string };
    expect(body.state).toBe("changed");
    expect(body.explanation).toContain("changed since it was approved");
    expect(body.diff).toContain("-1. WHEN a request arrives, THE Rate_Limiter SHALL increment the client's counter\n");
    expect(body.diff).toContain(
      "+1. WHEN a request arrives, THE Rate_Limiter SHALL increment the client's counter by one\n",
    );
  });

  it("refuses to approve design before requirements with 409 and the engine's fix", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const { api } = await startDashboardForTest([directory()]);
    const refused = await api("POST", "/api/specs/0/rate-limiting/approvals/design", {});
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({
      error: { code: "earlier-phase-not-approved", fix: expect.stringContaining("approve") },
    });
    const unknown = await api("POST", "/api/specs/0/rate-limiting/approvals/readme", {});
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ error: { code: "unknown-phase" } });
    expect(await boardState(api, "design")).toBe("unapproved");
  });
});
