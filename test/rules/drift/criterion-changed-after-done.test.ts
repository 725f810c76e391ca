import { describe, expect, it } from "vitest";
import { parseRequirements } from "../../../src/model/requirements/parse-requirements.js";
import { criterionChangedAfterDone } from "../../../src/rules/drift/criterion-changed-after-done.js";
import { renumberedReference } from "../../../src/rules/drift/renumbered-reference.js";
import type { Rule } from "../../../src/rules/rule.js";
import type { WorkspaceModel } from "../../../src/rules/workspace-model.js";
import { SHOP_REQUIREMENTS, SHOP_TASKS, withGiftWrapBeforeReceipt } from "../../helpers/living-spec.js";
import { workspaceOf } from "../../helpers/workspace-model.js";

function findings(
  current: string,
  approved: string | undefined,
  tasks = SHOP_TASKS,
  rule: Rule = criterionChangedAfterDone,
) {
  const model = workspaceOf({
    ".kiro/specs/checkout/requirements.md": current,
    ".kiro/specs/checkout/tasks.md": tasks,
  });
  const withApproved: WorkspaceModel = {
    ...model,
    specs: model.specs.map((spec) =>
      approved === undefined ? spec : { ...spec, approved: { requirements: parseRequirements(approved) } },
    ),
  };
  return [...rule.check(withApproved)];
}

describe("drift/criterion-changed-after-done", () => {
  it("names the done task whose criterion was reworded, on its task line", () => {
    const reworded = SHOP_REQUIREMENTS.replace("$5 shipping", "$7 shipping");
    const found = findings(reworded, SHOP_REQUIREMENTS);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      file: ".kiro/specs/checkout/tasks.md",
      location: { line: 5 },
      message: expect.stringContaining("Task 2 is done but was verified against an older version of 2.1"),
    });
    expect(found[0]?.fix).toContain("specwright run checkout --reverify");
  });

  it("says nothing without an approved text, for an open task, or for a renumbered requirement", () => {
    const reworded = SHOP_REQUIREMENTS.replace("$5 shipping", "$7 shipping");
    expect(findings(reworded, undefined)).toEqual([]);
    expect(findings(reworded, SHOP_REQUIREMENTS, SHOP_TASKS.replace("[x] 2.", "[ ] 2."))).toEqual([]);
    expect(findings(withGiftWrapBeforeReceipt(SHOP_REQUIREMENTS), SHOP_REQUIREMENTS)).toEqual([]);
  });

  it("a removed criterion is named as removed", () => {
    const removed = SHOP_REQUIREMENTS.replace(
      "2. WHEN an item is removed from the cart, THE Checkout SHALL subtract its price from the total\n",
      "",
    );
    expect(findings(removed, SHOP_REQUIREMENTS)[0]?.message).toContain("1.2: the criterion was removed");
  });
});

describe("drift/renumbered-reference", () => {
  it("names the done task that still references 3.1 after requirement 3 became 4, on its reference line", () => {
    const found = findings(
      withGiftWrapBeforeReceipt(SHOP_REQUIREMENTS),
      SHOP_REQUIREMENTS,
      SHOP_TASKS,
      renumberedReference,
    );
    expect(found).toMatchObject([
      { location: { line: 8 }, message: "Task 3 references criteria by their old ids: 3.1 is now 4.1 (same text)." },
    ]);
    const updated = SHOP_TASKS.replace("_Requirements: 3.1_", "_Requirements: 4.1_");
    expect(
      findings(withGiftWrapBeforeReceipt(SHOP_REQUIREMENTS), SHOP_REQUIREMENTS, updated, renumberedReference),
    ).toEqual([]);
  });
});
