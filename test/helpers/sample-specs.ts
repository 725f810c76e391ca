/** Small specs written for these tests (the real-world corpus is read in place, never copied). */

export const SAMPLE_REQUIREMENTS = `# Requirements Document

## Introduction

Rate limiting for the public API.

## Glossary

- **Rate_Limiter**: The component that counts requests per client.

## Requirements

### Requirement 1: Count requests

**User Story:** As an operator, I want requests counted per client, so that abuse is visible.

#### Acceptance Criteria

1. WHEN a request arrives, THE Rate_Limiter SHALL increment the client's counter
2. THE Rate_Limiter SHALL reset every counter at the start of each minute

### Requirement 2: Reject excess

**User Story:** As an operator, I want excess requests rejected, so that the service stays up.

#### Acceptance Criteria

1. IF a client exceeds 100 requests in a minute, THEN THE Rate_Limiter SHALL answer 429
`;

export const SAMPLE_DESIGN = `# Design Document

## Overview

A counter per client.

## Correctness Properties

### Property 1: Counting is exact

*For any* sequence of requests, the counter equals the number of requests in the current minute.

**Validates: Requirements 1.1, 1.2**
`;

export const SAMPLE_TASKS = `# Implementation Plan

- [x] 1. Counter store
  - [x] 1.1 Write the in-memory store
    - _Requirements: 1.1_
  - [ ]* 1.2 Property test for counting
    - **Property 1: Counting is exact**
    - **Validates: Requirements 1.1, 1.2**
- [-] 2. Rejection
  - [ ] 2.1 Answer 429 over the limit
    - _Requirements: 2.1_
  - [~] 2.2 Reset counters each minute
    - _Requirements: 1.2_
- [ ] 3. Checkpoint - Ensure all tests pass
`;

export const SAMPLE_BUGFIX = `# Bugfix Requirements Document

## Introduction

Saving twice loses the first save.

## Bug Analysis

### Current Behavior (Defect)

1.1 WHEN the user saves twice THEN the system drops the first save

### Expected Behavior (Correct)

2.1 WHEN the user saves twice THEN the system SHALL keep both saves

### Unchanged Behavior (Regression Prevention)

3.1 WHEN the user saves once THEN the system SHALL CONTINUE TO keep the save
`;

/** A workspace with one feature spec and one bugfix spec, as `writeTree` input. */
export const SAMPLE_WORKSPACE: Record<string, string> = {
  ".kiro/specs/rate-limiting/requirements.md": SAMPLE_REQUIREMENTS,
  ".kiro/specs/rate-limiting/design.md": SAMPLE_DESIGN,
  ".kiro/specs/rate-limiting/tasks.md": SAMPLE_TASKS,
  ".kiro/specs/rate-limiting/.config.kiro":
    '{"specId": "0b6f2d1e-3c4a-4f7e-9a51-2f1d3c5b7a90", "workflowType": "requirements-first", "specType": "feature"}',
  ".kiro/specs/double-save/bugfix.md": SAMPLE_BUGFIX,
  ".kiro/specs/double-save/.config.kiro":
    '{"specId": "5d0c9e8b-1a2f-4b3c-8d7e-6f5a4b3c2d1e", "workflowType": "requirements-first", "specType": "bugfix"}',
};
