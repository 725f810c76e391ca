import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultContextSources } from "../../../src/engine/authoring/default-context-sources.js";
import { useTempDirectory } from "../../helpers/temp-dir.js";

describe("defaultContextSources", () => {
  const directory = useTempDirectory();

  async function steering(name: string, frontMatter: string, body: string) {
    await mkdir(join(directory(), ".kiro", "steering"), { recursive: true });
    await writeFile(join(directory(), ".kiro", "steering", name), `---\n${frontMatter}\n---\n\n${body}\n`);
  }

  it("includes steering by its inclusion rules, fileMatch against the files the request names", async () => {
    await steering("tech.md", "inclusion: always", "Express 5.");
    await steering("api.md", 'inclusion: fileMatch\nfileMatchPattern: "src/api/**"', "Routes live in src/api.");
    await steering("db.md", 'inclusion: fileMatch\nfileMatchPattern: "src/db/**"', "Postgres.");
    const contribution = await defaultContextSources().steering({
      root: directory(),
      prompt: "Limit requests in src/api/limiter.ts",
      filesInPlay: [],
      maxChars: 10_000,
    });
    expect(contribution.sections.map((section) => section.source).sort()).toEqual([
      ".kiro/steering/api.md",
      ".kiro/steering/tech.md",
    ]);
    expect(contribution.excluded.map((entry) => entry.source)).toEqual([".kiro/steering/db.md"]);
  });

  it("has no steering, and no error, before .kiro/ exists", async () => {
    const contribution = await defaultContextSources().steering({
      root: directory(),
      prompt: "x",
      filesInPlay: [],
      maxChars: 10_000,
    });
    expect(contribution).toEqual({ sections: [], excluded: [] });
  });

  it("renders the repository inventory with the installed versions", async () => {
    await writeFile(
      join(directory(), "package-lock.json"),
      JSON.stringify({
        lockfileVersion: 3,
        packages: { "": { dependencies: { ioredis: "^5.4.0" } }, "node_modules/ioredis": { version: "5.4.1" } },
      }),
    );
    const contribution = await defaultContextSources().inventory({ root: directory(), maxChars: 30_000 });
    expect(contribution.sections[0]?.text).toContain("ioredis");
    expect(contribution.sections[0]?.text).toContain("5.4.1");
  });
});
