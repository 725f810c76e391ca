import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { approvePhase } from "../../src/engine/approvals/approve-phase.js";
import { createGitRepository, git } from "./git-repository.js";
import { simulateTaskRun } from "./task-run-simulation.js";

export const SHOP_SPEC = ".kiro/specs/checkout";

export const SHOP_REQUIREMENTS = `# Requirements Document

## Introduction

A checkout for the shop.

## Glossary

- **Checkout**: The module \`src/checkout.js\`.

## Requirements

### Requirement 1: Cart total

**User Story:** As a shopper, I want to see my cart's total, so that I know what I pay.

#### Acceptance Criteria

1. WHEN an item is added to the cart, THE Checkout SHALL add its price to the total
2. WHEN an item is removed from the cart, THE Checkout SHALL subtract its price from the total

### Requirement 2: Shipping

**User Story:** As a shopper, I want to know the shipping cost, so that I am not surprised.

#### Acceptance Criteria

1. THE Checkout SHALL charge $5 shipping per order

### Requirement 3: Receipt

**User Story:** As a shopper, I want a receipt, so that I can prove what I paid.

#### Acceptance Criteria

1. WHEN an order is placed, THE Checkout SHALL email a receipt to the shopper
`;

export const SHOP_DESIGN = `# Design Document

## Overview

A cart module and a shipping module.

## Components and Interfaces

### Cart

\`src/cart.js\` keeps the total (Requirements 1.1, 1.2).

### Shipping

\`src/shipping.js\` computes the shipping cost of an order (Requirement 2).

### Receipt

\`src/receipt.js\` sends the receipt (Requirements 3.1).

## Correctness Properties

### Property 1: Adding then removing an item leaves the total

*For any* cart and item, adding then removing it leaves the total unchanged.

**Validates: Requirements 1.1, 1.2**
`;

export const SHOP_TASKS = `# Implementation Plan

- [x] 1. Cart total in src/cart.js
  - _Requirements: 1.1, 1.2_
- [x] 2. Shipping cost in src/shipping.js
  - _Requirements: 2.1_
- [x] 3. Receipt email in src/receipt.js
  - _Requirements: 3.1_
`;

/** The free-shipping criterion of the seed example, as a second criterion of Requirement 2. */
export const FREE_SHIPPING =
  "2. WHEN an order's total is over $100, THE Checkout SHALL charge no shipping (orders over $100 get free shipping)";

export function withFreeShipping(requirements: string): string {
  return requirements.replace(
    "1. THE Checkout SHALL charge $5 shipping per order\n",
    `1. THE Checkout SHALL charge $5 shipping per order\n${FREE_SHIPPING}\n`,
  );
}

/** Requirement 3 becomes 4: a gift-wrap requirement is inserted before it. */
export function withGiftWrapBeforeReceipt(requirements: string): string {
  return requirements.replace(
    "### Requirement 3: Receipt",
    `### Requirement 3: Gift wrap

**User Story:** As a shopper, I want gift wrap, so that I can send presents.

#### Acceptance Criteria

1. WHEN the shopper asks for gift wrap, THE Checkout SHALL add a $3 gift-wrap fee

### Requirement 4: Receipt`,
  );
}

/**
 * A git repository with the checkout spec: tasks 1-3 ran (checkpoints around writing src/cart.js,
 * src/shipping.js and src/receipt.js), are done and committed, and all three documents are approved.
 */
export async function createShopRepository(root: string): Promise<void> {
  await createGitRepository(root, {
    files: {
      "package.json": `${JSON.stringify({ name: "shop", private: true, type: "module", scripts: { test: "node --test" } })}\n`,
      ".gitignore": "node_modules/\n",
      "src/index.js": "export {};\n",
      [`${SHOP_SPEC}/requirements.md`]: SHOP_REQUIREMENTS,
      [`${SHOP_SPEC}/design.md`]: SHOP_DESIGN,
      [`${SHOP_SPEC}/tasks.md`]: SHOP_TASKS.replaceAll("[x]", "[ ]"),
    },
  });
  const scripts: Record<string, string> = {
    "1": "printf 'export let total = 0;\\n' > src/cart.js",
    "2": [
      "printf 'export const shipping = () => 5;\\n' > src/shipping.js",
      "mkdir -p test",
      `printf '%s\\n' 'import assert from "node:assert/strict";' 'import { test } from "node:test";' 'import { shipping } from "../src/shipping.js";' 'test("shipping", () => assert.equal(shipping(), 5));' > test/shipping.test.js`,
    ].join(" && "),
    "3": "printf 'export const receipt = () => true;\\n' > src/receipt.js",
  };
  for (const [taskId, script] of Object.entries(scripts)) {
    await simulateTaskRun(root, "checkout", taskId, script);
  }
  await writeFile(join(root, SHOP_SPEC, "tasks.md"), SHOP_TASKS);
  await git(root, "add", "--all");
  await git(root, "commit", "--quiet", "--message", "checkout: tasks 1-3");
  for (const phase of ["requirements", "design", "tasks"] as const)
    await approvePhase({ root, spec: "checkout", phase });
}

export async function editShopDocument(root: string, document: string, edit: (text: string) => string): Promise<void> {
  const path = join(root, SHOP_SPEC, document);
  await writeFile(path, edit(await readFile(path, "utf8")));
}
