import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startDashboardForTest } from "../../helpers/dashboard-http.js";
import { SAMPLE_REQUIREMENTS, SAMPLE_WORKSPACE } from "../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-ui-board-live-");
const REQUIREMENTS = ".kiro/specs/rate-limiting/requirements.md";

interface Card {
  readonly name: string;
  readonly diagnostics: { readonly error: number; readonly warning: number; readonly info: number };
  readonly lastActivity?: string;
}

describe("GET /api/board while the server runs: check results kept current by the watcher", () => {
  it("has an edit on disk by the time the page hears of it (the `changed` event)", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const { api, events } = await startDashboardForTest([directory()]);
    const card = async () =>
      ((await api("GET", "/api/board")).json as { specs: Card[] }).specs.find((spec) => spec.name === "rate-limiting");
    const before = await card();
    const total = (found: Card | undefined) =>
      (found?.diagnostics.error ?? 0) + (found?.diagnostics.warning ?? 0) + (found?.diagnostics.info ?? 0);

    const stream = await events("/api/events");
    await stream.waitFor((event) => event.event === "ready");
    const vague = SAMPLE_REQUIREMENTS.replace(
      /1\. WHEN a request arrives[^\n]*/,
      "1. WHEN a request arrives, THE Rate_Limiter SHALL increment the client's counter\n2. Counting should be quick",
    );
    await writeFile(join(directory(), REQUIREMENTS), vague);
    await stream.waitFor((event) => event.event === "changed" && JSON.stringify(event.data).includes("requirements"));
    const after = await card();
    expect(total(after)).toBeGreaterThan(total(before));
    expect(Date.parse(after?.lastActivity ?? "")).toBeGreaterThanOrEqual(Date.parse(before?.lastActivity ?? ""));
    expect(after?.lastActivity).not.toBe(before?.lastActivity);
  });
});
