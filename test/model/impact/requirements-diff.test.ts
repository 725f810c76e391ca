import { describe, expect, it } from "vitest";
import { parseDesign } from "../../../src/model/design/parse-design.js";
import { diffRequirements } from "../../../src/model/impact/requirements-diff.js";
import { analyzeImpact } from "../../../src/model/impact/spec-impact.js";
import { parseRequirements } from "../../../src/model/requirements/parse-requirements.js";
import { parseTasks } from "../../../src/model/tasks/parse-tasks.js";
import {
  SHOP_DESIGN,
  SHOP_REQUIREMENTS,
  SHOP_TASKS,
  withFreeShipping,
  withGiftWrapBeforeReceipt,
} from "../../helpers/living-spec.js";

const approved = parseRequirements(SHOP_REQUIREMENTS);

function impactOf(requirements: string, tasks = SHOP_TASKS) {
  return analyzeImpact({
    approvedRequirements: approved,
    requirements: parseRequirements(requirements),
    design: parseDesign(SHOP_DESIGN),
    tasks: parseTasks(tasks),
  });
}

describe("diffRequirements", () => {
  it("finds nothing in the same document, and ignores re-wrapping", () => {
    expect(diffRequirements(approved, approved).criteria).toEqual([]);
    const rewrapped = SHOP_REQUIREMENTS.replace("add its price to the total", "add its price\n   to the total");
    expect(diffRequirements(approved, parseRequirements(rewrapped)).criteria).toEqual([]);
  });

  it("an added criterion is added, and its requirement's done tasks and design sections are next to it", () => {
    const impact = impactOf(withFreeShipping(SHOP_REQUIREMENTS));
    expect(impact.criteria).toHaveLength(1);
    expect(impact.criteria[0]).toMatchObject({
      kind: "added",
      newId: "2.2",
      requirementId: "2",
      designSections: ["Components and Interfaces > Shipping"],
      tasks: [{ id: "2", relation: "same-requirement", status: "done", verifiedAgainstOlder: false }],
    });
    // Adding a criterion proves no done task wrong: nothing to re-verify.
    expect(impact.tasks).toEqual([]);
  });

  it("a reworded criterion flags the done tasks that implemented it, and the properties that validate it", () => {
    const reworded = SHOP_REQUIREMENTS.replace(
      "add its price to the total",
      "add its price times its quantity to the total",
    );
    const impact = impactOf(reworded);
    expect(impact.criteria).toMatchObject([
      { kind: "reworded", oldId: "1.1", newId: "1.1", properties: [{ number: "1" }] },
    ]);
    expect(impact.criteria[0]?.tasks).toMatchObject([{ id: "1", relation: "references", verifiedAgainstOlder: true }]);
    expect(impact.tasks).toMatchObject([{ id: "1", verifiedAgainstOlder: ["1.1"], removedCriteria: [] }]);
  });

  it("a removed criterion names the done task that implemented it", () => {
    const removed = SHOP_REQUIREMENTS.replace(
      "2. WHEN an item is removed from the cart, THE Checkout SHALL subtract its price from the total\n",
      "",
    );
    const impact = impactOf(removed);
    expect(impact.criteria).toMatchObject([{ kind: "removed", oldId: "1.2" }]);
    expect(impact.tasks).toMatchObject([{ id: "1", removedCriteria: ["1.2"], verifiedAgainstOlder: ["1.2"] }]);
  });

  it("requirement 3 renumbered to 4 keeps its done task matched: renumbered, not changed, reference stale", () => {
    const impact = impactOf(withGiftWrapBeforeReceipt(SHOP_REQUIREMENTS));
    expect(impact.requirements?.idMap.get("3.1")).toBe("4.1");
    expect(impact.criteria).toMatchObject([
      { kind: "added", newId: "3.1", tasks: [] },
      { kind: "renumbered", oldId: "3.1", newId: "4.1", tasks: [{ id: "3", verifiedAgainstOlder: false }] },
    ]);
    expect(impact.tasks).toEqual([
      {
        id: "3",
        title: "Receipt email in src/receipt.js",
        status: "done",
        verifiedAgainstOlder: [],
        removedCriteria: [],
        implements: ["3.1"],
        staleReferences: [{ from: "3.1", to: "4.1" }],
      },
    ]);
    expect(impact.requirements?.requirements).toEqual([
      { kind: "added", newId: "3", title: "Gift wrap" },
      { kind: "renumbered", oldId: "3", newId: "4", title: "Receipt" },
    ]);
  });

  it("an open task is read against the current requirements: a new task for the new 3.1 covers it", () => {
    const tasks = `${SHOP_TASKS}- [ ] 4. Gift wrap fee\n  - _Requirements: 3.1_\n`;
    const impact = impactOf(withGiftWrapBeforeReceipt(SHOP_REQUIREMENTS), tasks);
    const added = impact.criteria.find((change) => change.kind === "added");
    expect(added?.tasks).toMatchObject([{ id: "4", relation: "references", status: "todo" }]);
  });

  it("glossary terms added, changed and removed", () => {
    const edited = SHOP_REQUIREMENTS.replace(
      "- **Checkout**: The module `src/checkout.js`.",
      "- **Checkout**: The module `src/shop.js`.\n- **Order**: What a shopper pays for.",
    );
    expect(diffRequirements(approved, parseRequirements(edited)).glossary).toEqual([
      {
        kind: "changed",
        term: "Checkout",
        oldDefinition: "The module `src/checkout.js`.",
        newDefinition: "The module `src/shop.js`.",
      },
      { kind: "added", term: "Order", newDefinition: "What a shopper pays for." },
    ]);
  });
});
