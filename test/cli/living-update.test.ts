import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyRefinement } from "../../src/engine/authoring/refine-document.js";
import { updateDocument } from "../../src/engine/impact/update-document.js";
import { scriptedSession } from "../helpers/authoring-session.js";
import { useCliWithFakeModel } from "../helpers/cli-with-fake-model.js";
import { rejectionOf } from "../helpers/engine-error.js";
import {
  createShopRepository,
  editShopDocument,
  SHOP_DESIGN,
  SHOP_SPEC,
  SHOP_TASKS,
  withFreeShipping,
} from "../helpers/living-spec.js";
import { jsonOf, runCli } from "../helpers/run-cli.js";
import { useTempDirectory } from "../helpers/temp-dir.js";

const directory = useTempDirectory();
const model = useCliWithFakeModel(directory);

const FREE_SHIPPING_DESIGN = SHOP_DESIGN.replace(
  "computes the shipping cost of an order (Requirement 2).",
  "computes the shipping cost of an order (Requirement 2): $5, or nothing when the order's total is over $100 (Requirements 2.2).",
);

/** The plan a careless model writes: free shipping slotted in as task 3, the receipt task renumbered. */
const RENUMBERED_PLAN = SHOP_TASKS.replace(
  "- [x] 3. Receipt email in src/receipt.js\n  - _Requirements: 3.1_\n",
  "- [ ] 3. Free shipping over $100 in src/shipping.js\n  - _Requirements: 2.2_\n- [x] 4. Receipt email in src/receipt.js\n  - _Requirements: 3.1_\n",
);

const FREE_SHIPPING_PLAN = `${SHOP_TASKS}- [ ] 4. Free shipping over $100 in src/shipping.js, with a test\n  - _Requirements: 2.2_\n`;

const tasksFile = () => join(directory(), SHOP_SPEC, "tasks.md");

describe("design --update and plan --update (the free-shipping seed example)", () => {
  it("carries the new criterion into design and plan, keeps done tasks, and impact names the code they changed", async () => {
    await createShopRepository(directory());
    await editShopDocument(directory(), "requirements.md", withFreeShipping);

    const design = await model.run(
      ["design", "checkout", "--update", "--yes", "--json"],
      [{ text: FREE_SHIPPING_DESIGN }],
    );
    expect(design.code, design.stderr).toBe(0);
    expect(jsonOf(design)).toMatchObject({ ok: true, applied: true, update: { covered: ["2.2"] } });
    expect(await readFile(join(directory(), SHOP_SPEC, "design.md"), "utf8")).toBe(FREE_SHIPPING_DESIGN);
    const instruction = JSON.stringify(model.server?.requests[0]?.body);
    expect(instruction).toContain("Criterion 2.2 was added");
    expect(instruction).toContain("Components and Interfaces > Shipping");

    // The first answer renumbers done task 3; the deterministic check sends it back, the repair is accepted.
    model.server?.push({ text: RENUMBERED_PLAN }, { text: FREE_SHIPPING_PLAN });
    const plan = await runCli(["plan", "checkout", "--update", "--yes", "--json"], {
      cwd: directory(),
      env: model.env(),
    });
    expect(plan.code, plan.stderr).toBe(0);
    expect(jsonOf(plan)).toMatchObject({ ok: true, applied: true, repairs: 1 });
    expect(await readFile(tasksFile(), "utf8")).toBe(FREE_SHIPPING_PLAN);
    // The revised plan's waves are written beside it (no markers: one task after the other).
    expect(jsonOf(plan).waves).toMatchObject({ status: "written", changed: true, waves: [["1"], ["2"], ["3"], ["4"]] });
    expect(JSON.parse(await readFile(join(directory(), SHOP_SPEC, "tasks.meta.json"), "utf8"))).toMatchObject({
      waves: [["1"], ["2"], ["3"], ["4"]],
    });
    const repairRequest = JSON.stringify(model.server?.requests.at(-1)?.body);
    expect(repairRequest).toContain('Done task 3 changed (was \\"[x] Receipt email in src/receipt.js\\")');

    const approvals = JSON.parse(await readFile(join(directory(), SHOP_SPEC, ".specwright-approvals.json"), "utf8"));
    expect(Object.keys(approvals.approvals)).toEqual(["requirements"]);
    const impact = jsonOf(await runCli(["impact", "checkout", "--json"], { cwd: directory() }));
    expect(impact).toMatchObject({
      analysis: {
        criteria: [
          {
            newId: "2.2",
            tasks: [
              { id: "2", relation: "same-requirement", status: "done" },
              { id: "4", relation: "references", status: "todo" },
            ],
          },
        ],
      },
      codeFiles: [{ taskId: "2", files: ["src/shipping.js", "test/shipping.test.js"] }],
    });
  });

  it("refuses to update when no criterion changed since approval, calling no model", async () => {
    await createShopRepository(directory());
    const result = await model.run(["plan", "checkout", "--update", "--yes", "--json"]);
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({ ok: false, error: { code: "nothing-to-update" } });
    expect(model.server?.requests).toHaveLength(0);
  });

  it("a hand edit of tasks.md between the proposal and its apply is refused, and the edit is kept", async () => {
    await createShopRepository(directory());
    await editShopDocument(directory(), "requirements.md", withFreeShipping);
    const { session } = await scriptedSession([FREE_SHIPPING_PLAN]);
    const outcome = await updateDocument({ root: directory(), session, spec: "checkout", document: "tasks" });
    expect(outcome.status).toBe("proposed");
    if (outcome.status !== "proposed") return;
    const handEdited = `${SHOP_TASKS}- [ ] 4. Written by hand meanwhile\n`;
    await writeFile(tasksFile(), handEdited);
    expect(await rejectionOf(applyRefinement(outcome.proposal))).toMatchObject({ code: "changed-meanwhile" });
    expect(await readFile(tasksFile(), "utf8")).toBe(handEdited);
  });
});

describe("specwright sync", () => {
  it("gives the model the done tasks' diffs and the code, and applies the recorded deviation with --yes", async () => {
    await createShopRepository(directory());
    await writeFile(
      join(directory(), "src/shipping.js"),
      "export const shipping = (total) => (total > 100 ? 0 : 5);\n",
    );
    const synced = SHOP_DESIGN.replace(
      "computes the shipping cost of an order (Requirement 2).",
      "computes the shipping cost of an order (Requirement 2). Deviation: it takes the order's total and ships free over $100, which the requirements do not ask for yet.",
    );
    const result = await model.run(["sync", "checkout", "--yes", "--json"], [{ text: synced }]);
    expect(result.code, result.stderr).toBe(0);
    expect(jsonOf(result)).toMatchObject({ ok: true, applied: true, file: ".kiro/specs/checkout/design.md" });
    expect(await readFile(join(directory(), SHOP_SPEC, "design.md"), "utf8")).toBe(synced);
    const request = JSON.stringify(model.server?.requests[0]?.body);
    expect(request).toContain("## Task 2: Shipping cost in src/shipping.js");
    expect(request).toContain("+export const shipping = () => 5;");
    expect(request).toContain("total > 100 ? 0 : 5");
    const approvals = JSON.parse(await readFile(join(directory(), SHOP_SPEC, ".specwright-approvals.json"), "utf8"));
    expect(approvals.approvals.design).toBeUndefined();
  });
});
