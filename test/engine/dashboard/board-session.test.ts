import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { boardCards } from "../../../src/engine/dashboard/board-cards.js";
import { type BoardSession, createBoardSession } from "../../../src/engine/dashboard/board-session.js";
import { SAMPLE_REQUIREMENTS, SAMPLE_WORKSPACE } from "../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const directory = useTempDirectory("specwright-board-session-");
const REQUIREMENTS = ".kiro/specs/rate-limiting/requirements.md";
/** A criterion that is not in EARS form: `check` warns about it. */
const VAGUE = SAMPLE_REQUIREMENTS.replace(
  /1\. WHEN a request arrives[^\n]*/,
  "1. WHEN a request arrives, THE Rate_Limiter SHALL increment the client's counter\n2. Counting should be quick",
);

async function findings(root: { id: string; path: string; name: string }, session?: BoardSession): Promise<number> {
  const cards = await boardCards(root, session);
  const counts = cards.find((card) => card.name === "rate-limiting")?.diagnostics;
  return (counts?.error ?? 0) + (counts?.warning ?? 0) + (counts?.info ?? 0);
}

describe("a board session (the check results kept between boards while a dashboard serves the root)", () => {
  it("re-checks the spec an update names, and reads nothing again for an edit nobody reported", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const root = { id: "0", path: directory(), name: "w" };
    const session = createBoardSession(directory());
    const before = await findings(root, session);
    await writeFile(join(directory(), REQUIREMENTS), VAGUE);
    // Not reported: the session answers from what it checked (a full check per board is what it saves).
    expect(await findings(root, session)).toBe(before);
    session.update([REQUIREMENTS]);
    expect(await findings(root, session)).toBeGreaterThan(before);
  });

  it("is not needed: without one, a board reads and checks everything afresh", async () => {
    await writeTree(directory(), SAMPLE_WORKSPACE);
    const root = { id: "0", path: directory(), name: "w" };
    const before = await findings(root);
    await writeFile(join(directory(), REQUIREMENTS), VAGUE);
    expect(await findings(root)).toBeGreaterThan(before);
  });
});
