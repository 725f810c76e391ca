import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ConnectedClient, structuredOf, textOf, useInMemoryConnections } from "../helpers/mcp-client.js";
import { SAMPLE_REQUIREMENTS } from "../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../helpers/temp-dir.js";

const temp = useTempDirectory("specwright-mcp-create-");
const mcp = useInMemoryConnections();

async function connect(): Promise<ConnectedClient> {
  await writeTree(temp(), { ".kiro/steering/": "" });
  return mcp.connect(temp());
}

/** Criterion 1.1 twice (line 14 and 15): a structure/duplicate-id error. */
const BROKEN_REQUIREMENTS = `# Requirements Document

## Introduction

Search.

## Requirements

### Requirement 1: Find

**User Story:** As a user, I want to search, so that I find things.

#### Acceptance Criteria

1. WHEN a user searches, THE Search_Index SHALL answer quickly
1. WHEN a user pages, THE Search_Index SHALL answer the next page
`;

describe("MCP create_spec", () => {
  it("without content scaffolds the spec folder from templates", async () => {
    const { call } = await connect();
    const result = structuredOf(await call("create_spec", { spec: "search-index" }));
    expect(result).toMatchObject({ spec: "search-index", written: true });
    expect(result.files).toEqual(
      expect.arrayContaining([".kiro/specs/search-index/requirements.md", ".kiro/specs/search-index/tasks.md"]),
    );
    expect((await readdir(join(temp(), ".kiro/specs/search-index"))).sort()).toEqual(
      [".config.kiro", "design.md", "requirements.md", "tasks.md"].sort(),
    );
  });

  it("refuses to scaffold over an existing spec", async () => {
    const { call } = await connect();
    await call("create_spec", { spec: "search-index" });
    const again = await call("create_spec", { spec: "search-index" });
    expect(again.isError).toBe(true);
    expect(textOf(again)).toContain("already exists");
  });

  it("writes content without errors, and returns the spec's findings", async () => {
    const { call } = await connect();
    const result = structuredOf(
      await call("create_spec", { spec: "rate-limiting", document: "requirements", content: SAMPLE_REQUIREMENTS }),
    );
    expect(result).toMatchObject({ written: true, files: [".kiro/specs/rate-limiting/requirements.md"], errors: 0 });
    expect(await readFile(join(temp(), ".kiro/specs/rate-limiting/requirements.md"), "utf8")).toBe(SAMPLE_REQUIREMENTS);
  });

  it("does not write content with errors and returns the diagnostics", async () => {
    const { call } = await connect();
    const result = await call("create_spec", {
      spec: "search",
      document: "requirements",
      content: BROKEN_REQUIREMENTS,
    });
    expect(result.isError).toBe(true);
    const structured = result.structuredContent as {
      written: boolean;
      errors: number;
      diagnostics: { line: number }[];
    };
    expect(structured.written).toBe(false);
    expect(structured.errors).toBeGreaterThan(0);
    expect(structured.diagnostics.some((diagnostic) => diagnostic.line === 15)).toBe(true);
    expect(textOf(result)).toContain("was not written");
    await expect(readFile(join(temp(), ".kiro/specs/search/requirements.md"))).rejects.toThrow();
  });

  it("replaces an existing document only with force", async () => {
    const { call } = await connect();
    await call("create_spec", { spec: "rate-limiting" });
    const refused = await call("create_spec", {
      spec: "rate-limiting",
      document: "requirements",
      content: SAMPLE_REQUIREMENTS,
    });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain("already exists");
    const forced = structuredOf(
      await call("create_spec", {
        spec: "rate-limiting",
        document: "requirements",
        content: SAMPLE_REQUIREMENTS,
        force: true,
      }),
    );
    expect(forced.written).toBe(true);
  });

  it("wants document and content together", async () => {
    const { call } = await connect();
    const result = await call("create_spec", { spec: "x", content: "# Requirements Document\n" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("Pass document and content together");
  });

  it("refuses a spec name that is a path", async () => {
    const { call } = await connect();
    const result = await call("create_spec", { spec: "../outside" });
    expect(result.isError).toBe(true);
    await expect(readdir(join(temp(), "..", "outside"))).rejects.toThrow();
  });
});
