import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The billing scenario: Stripe keys in the environment, a `subscriptions` table, a webhook, the `stripe` package. */
export const BILLING = {
  requirements: `# Requirements Document

## Introduction

Monthly subscriptions paid by card.

## Requirements

### Requirement 1: Subscribe

**User Story:** As a customer, I want to subscribe, so that I can use the paid plan.

#### Acceptance Criteria

1. WHEN a customer chooses a plan THEN the system SHALL create a Stripe checkout session.
2. WHEN Stripe confirms the payment THEN the system SHALL mark the subscription active.
`,
  design: `# Design Document

## Overview

Billing uses Stripe Checkout through the \`stripe\` npm package.

## Architecture

The server reads the key from \`process.env.STRIPE_SECRET_KEY\` at start-up.

## Data Models

A new \`subscriptions\` table stores each customer's plan:

\`\`\`sql
CREATE TABLE subscriptions (id uuid primary key, customer_id uuid, status text);
\`\`\`

Stripe sends \`checkout.session.completed\` to the webhook at \`/billing/webhook\`.
`,
  tasks: `# Implementation Plan

- [ ] 1. Create the subscriptions table
  - _Requirements: 1.1_
- [ ] 2. Handle the webhook
  - _Requirements: 1.2_
`,
} as const;

/** Writes the billing spec into `root`'s .kiro/specs/billing/. */
export async function writeBillingSpec(root: string): Promise<string> {
  const folder = join(root, ".kiro", "specs", "billing");
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "requirements.md"), BILLING.requirements);
  await writeFile(join(folder, "design.md"), BILLING.design);
  await writeFile(join(folder, "tasks.md"), BILLING.tasks);
  return folder;
}
