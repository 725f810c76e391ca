import { describe, expect, it } from "vitest";
import { designUpdateFindings, planUpdateFindings } from "../../../src/engine/impact/update-checks.js";
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

function checker(requirements: string, prune = false) {
  const current = parseRequirements(requirements);
  const analysis = analyzeImpact({
    approvedRequirements: parseRequirements(SHOP_REQUIREMENTS),
    requirements: current,
    tasks: parseTasks(SHOP_TASKS),
  });
  return (after: string) =>
    planUpdateFindings(SHOP_TASKS, analysis, current, prune)(after, "tasks.md").map((finding) => finding.rule);
}

const RECEIPT = "- [x] 3. Receipt email in src/receipt.js\n  - _Requirements: 3.1_\n";

describe("planUpdateFindings", () => {
  it("accepts new tasks after the existing ones that cover the new criterion", () => {
    const check = checker(withFreeShipping(SHOP_REQUIREMENTS));
    expect(check(`${SHOP_TASKS}- [ ] 4. Free shipping\n  - _Requirements: 2.2_\n`)).toEqual([]);
    expect(check(SHOP_TASKS)).toEqual(["update/criterion-uncovered"]);
  });

  it("refuses a done task edited, removed or renumbered when the change does not touch it", () => {
    const check = checker(withFreeShipping(SHOP_REQUIREMENTS));
    const extra = "- [ ] 4. Free shipping\n  - _Requirements: 2.2_\n";
    expect(check(`${SHOP_TASKS.replace("[x] 1.", "[ ] 1.")}${extra}`)).toEqual(["update/done-task-changed"]);
    expect(check(`${SHOP_TASKS.replace("Cart total", "Basket total")}${extra}`)).toEqual(["update/done-task-changed"]);
    expect(check(`${SHOP_TASKS.replace(RECEIPT, "")}${extra}`)).toEqual(["update/task-removed"]);
    const numberedFirst = `- [ ] 0. Free shipping\n  - _Requirements: 2.2_\n${SHOP_TASKS.replace("# Implementation Plan\n\n", "")}`;
    expect(check(`# Implementation Plan\n\n${numberedFirst}`)).toEqual(["update/new-task-id"]);
  });

  it("renumbered requirement 3 → 4: the done task may update its reference and keeps its id; the new 3.1 needs a task", () => {
    const check = checker(withGiftWrapBeforeReceipt(SHOP_REQUIREMENTS));
    const updated = SHOP_TASKS.replace("_Requirements: 3.1_", "_Requirements: 4.1_");
    expect(check(`${updated}- [ ] 4. Gift wrap fee\n  - _Requirements: 3.1_\n`)).toEqual([]);
    expect(check(updated)).toEqual(["update/criterion-uncovered"]);
  });

  it("a task whose criteria were all removed is kept unless --prune", () => {
    const removed = SHOP_REQUIREMENTS.replace(/### Requirement 3: Receipt[\s\S]*$/, "");
    expect(checker(removed)(SHOP_TASKS.replace(RECEIPT, ""))).toEqual(["update/task-removed"]);
    expect(checker(removed, true)(SHOP_TASKS.replace(RECEIPT, ""))).toEqual([]);
    expect(checker(removed)(SHOP_TASKS)).toEqual([]);
  });
});

describe("designUpdateFindings", () => {
  it("wants each added or reworded criterion named in the design", () => {
    const analysis = analyzeImpact({
      approvedRequirements: parseRequirements(SHOP_REQUIREMENTS),
      requirements: parseRequirements(withFreeShipping(SHOP_REQUIREMENTS)),
    });
    const check = designUpdateFindings(analysis);
    expect(check(SHOP_DESIGN, "design.md").map((finding) => finding.message)).toEqual([
      "Criterion 2.2, new or changed, is not mentioned in the revised design.",
    ]);
    expect(check(`${SHOP_DESIGN}\nFree shipping over $100 (Requirements 2.2).\n`, "design.md")).toEqual([]);
  });
});
