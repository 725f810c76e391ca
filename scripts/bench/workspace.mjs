// Generates the synthetic benchmark workspaces: N specs in the current Kiro format, plus one steering file.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Bump whenever the generated files change, so stale workspaces under `.bench/` are rebuilt. */
export const GENERATOR_VERSION = 1;

const MARKER_FILE = ".bench-workspace.json";

export const TOPICS = [
  ["Count requests", "requests counted per client", "abusive clients can be throttled", "counts every request"],
  ["Reject excess requests", "requests over the limit rejected", "the service stays available", "rejects excess"],
  ["Configure limits", "limits configured per plan", "paying clients get more capacity", "applies the limit"],
  ["Report remaining quota", "the remaining quota in headers", "clients can back off early", "reports quota"],
  ["Reset windows", "counters reset every window", "limits apply per minute", "resets counters"],
  ["Exempt internal callers", "internal callers exempted", "health checks never fail", "skips exempt callers"],
  ["Persist counters", "counters kept across restarts", "a restart does not reset quotas", "persists counters"],
  ["Audit rejections", "rejections written to the audit log", "support can explain a 429", "audits rejections"],
  ["Expose metrics", "rejection metrics exported", "operators can alert on spikes", "exports metrics"],
  ["Degrade gracefully", "the limiter to fail open", "an outage of the store does not stop traffic", "fails open"],
];

/** A stable UUID-shaped id for spec `index`, so regenerated workspaces are byte-identical. */
function specUuid(index) {
  const hex = createHash("sha1").update(`specwright-bench-${index}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function specName(index) {
  return `spec-${String(index).padStart(4, "0")}`;
}

function requirementsText(index) {
  const lines = [
    "# Requirements Document",
    "",
    "## Introduction",
    "",
    `Service ${index} needs rate limiting so that one client cannot starve the others. This document states what the Rate_Limiter must do.`,
    "",
    "## Glossary",
    "",
    "- **Rate_Limiter**: The component that counts requests per client and rejects those above the limit.",
    "- **Client**: A caller identified by its API key.",
    "",
    "## Requirements",
    "",
  ];
  TOPICS.forEach(([title, want, soThat], i) => {
    const n = i + 1;
    lines.push(
      `### Requirement ${n}: ${title}`,
      "",
      `**User Story:** As an operator of service ${index}, I want ${want}, so that ${soThat}.`,
      "",
      "#### Acceptance Criteria",
      "",
      "1. WHEN a request arrives, THE Rate_Limiter SHALL count it",
      "2. IF the limit is exceeded, THEN THE Rate_Limiter SHALL reject the request",
      "",
    );
  });
  return lines.join("\n");
}

function designText(index) {
  const lines = [
    "# Design Document",
    "",
    "## Overview",
    "",
    `The Rate_Limiter of service ${index} sits in the gateway and keeps one counter per client and window.`,
    "",
    "## Architecture",
    "",
    "```mermaid",
    "graph TD",
    "    Client --> Gateway",
    "    Gateway --> Limiter[Rate_Limiter]",
    "    Limiter --> Store[(Counter store)]",
    "    Gateway --> Service",
    "```",
    "",
    "## Components and Interfaces",
    "",
    "- `RateLimiter.check(clientId)` returns whether the request may pass and the remaining quota.",
    "",
    "## Data Models",
    "",
    "- `Counter { clientId, windowStart, count }`",
    "",
    "## Correctness Properties",
    "",
    "*A property is a characteristic or behavior that should hold true across all valid executions of a system.*",
    "",
  ];
  TOPICS.forEach(([title, , , does], i) => {
    const n = i + 1;
    lines.push(
      `### Property ${n}: ${title}`,
      "",
      `*For any* sequence of requests from one client, the Rate_Limiter ${does} consistently.`,
      "",
      `**Validates: Requirements ${n}.1, ${n}.2**`,
      "",
    );
  });
  lines.push(
    "## Error Handling",
    "",
    "When the counter store is unreachable the limiter fails open and logs a warning.",
    "",
    "## Testing Strategy",
    "",
    "Unit tests for each component; property-based tests (fast-check, 100 runs) for each property.",
    "",
  );
  return lines.join("\n");
}

function tasksText(index) {
  // Spec i has (i mod 11) tasks done, the next one in progress, the rest to do.
  const done = index % 11;
  const lines = [
    "# Implementation Plan",
    "",
    "## Overview",
    "",
    `Build the Rate_Limiter of service ${index} step by step, each step tested.`,
    "",
    "## Tasks",
    "",
  ];
  TOPICS.forEach(([title], i) => {
    const n = i + 1;
    const top = n <= done ? "x" : n === done + 1 ? "-" : " ";
    const first = n <= done || n === done + 1 ? "x" : " ";
    const second = n <= done ? "x" : " ";
    lines.push(
      `- [${top}] ${n}. ${title}`,
      `  - [${first}] ${n}.1 Implement ${title.toLowerCase()}`,
      `    - Add the code path to \`src/limiter/step-${n}.ts\``,
      `    - _Requirements: ${n}.1, ${n}.2_`,
    );
    if (n % 2 === 1) {
      lines.push(
        `  - [${second}]* ${n}.2 Write property test for ${title.toLowerCase()}`,
        `    - **Property ${n}: ${title}**`,
        `    - **Validates: Requirements ${n}.1**`,
      );
    }
    lines.push("");
  });
  lines.push("- [ ] 11. Checkpoint - Ensure all tests pass", "");
  return lines.join("\n");
}

const STEERING = `---
inclusion: always
---

# Product

A synthetic workspace generated by \`scripts/bench.mjs\` to measure Specwright on many specs.
`;

function readMarker(root) {
  try {
    return JSON.parse(readFileSync(join(root, MARKER_FILE), "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Makes sure `<benchDirectory>/ws-<count>` holds a workspace of `count` specs, reusing it when its marker
 * shows the same generator version. Returns where it is and how long generation took (0 when reused).
 */
export function ensureWorkspace(benchDirectory, count) {
  const root = join(benchDirectory, `ws-${count}`);
  const marker = readMarker(root);
  if (marker?.generatorVersion === GENERATOR_VERSION && marker.specs === count) {
    return { root, specs: count, generated: false, seconds: 0, files: marker.files };
  }
  const started = performance.now();
  // Build beside the target and rename, so an interrupted run never leaves a half workspace with a marker.
  const building = `${root}.building`;
  rmSync(building, { recursive: true, force: true });
  const specsDirectory = join(building, ".kiro", "specs");
  mkdirSync(join(building, ".kiro", "steering"), { recursive: true });
  writeFileSync(join(building, ".kiro", "steering", "product.md"), STEERING);
  let files = 1;
  for (let index = 1; index <= count; index++) {
    const folder = join(specsDirectory, specName(index));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "requirements.md"), requirementsText(index));
    writeFileSync(join(folder, "design.md"), designText(index));
    writeFileSync(join(folder, "tasks.md"), tasksText(index));
    writeFileSync(
      join(folder, ".config.kiro"),
      JSON.stringify({ specId: specUuid(index), workflowType: "requirements-first", specType: "feature" }),
    );
    files += 4;
  }
  writeFileSync(
    join(building, MARKER_FILE),
    `${JSON.stringify({ generatorVersion: GENERATOR_VERSION, specs: count, files }, null, 2)}\n`,
  );
  if (existsSync(root)) rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  return { root, specs: count, generated: true, seconds: (performance.now() - started) / 1000, files };
}
