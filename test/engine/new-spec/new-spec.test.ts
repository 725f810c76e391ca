import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createNewSpec } from "../../../src/engine/new-spec/new-spec.js";
import { parseSpecConfig } from "../../../src/model/settings/index.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

describe("createNewSpec", () => {
  const directory = useTempDirectory();

  it("creates a feature spec with a fresh spec id in the nearest workspace", async () => {
    await writeTree(directory(), { ".kiro/steering/product.md": "x", "src/deep/": "" });
    const result = await createNewSpec({ cwd: join(directory(), "src/deep"), name: "rate-limiting" });
    const folder = join(directory(), ".kiro/specs/rate-limiting");
    expect(result).toMatchObject({
      root: directory(),
      spec: "rate-limiting",
      path: folder,
      type: "feature",
      workflow: "requirements-first",
      createdWorkspace: false,
    });
    expect(result.files.map((file) => file.slice(folder.length + 1))).toEqual([
      "requirements.md",
      "design.md",
      "tasks.md",
      ".config.kiro",
    ]);
    expect((await readdir(folder)).sort()).toEqual([".config.kiro", "design.md", "requirements.md", "tasks.md"]);
    const config = parseSpecConfig(await readFile(join(folder, ".config.kiro"), "utf8"));
    expect(config.config?.specId).toBe(result.specId);
    expect(result.specId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Nothing but the spec itself is left behind: no staging folder.
    expect((await readdir(join(directory(), ".kiro"))).sort()).toEqual(["specs", "steering"]);
  });

  it("gives each spec its own id", async () => {
    const first = await createNewSpec({ cwd: directory(), name: "one" });
    const second = await createNewSpec({ cwd: directory(), name: "two" });
    expect(first.specId).not.toBe(second.specId);
  });

  it("creates .kiro/ in the folder it runs in when there is none above", async () => {
    const result = await createNewSpec({ cwd: directory(), name: "login-crash", type: "bugfix" });
    expect(result).toMatchObject({ root: directory(), createdWorkspace: true, type: "bugfix" });
    expect((await readdir(result.path)).sort()).toEqual([".config.kiro", "bugfix.md", "design.md", "tasks.md"]);
  });

  it("uses --root as given, creating .kiro/ in it", async () => {
    await mkdir(join(directory(), "project"));
    const result = await createNewSpec({ cwd: directory(), root: "project", name: "search", workflow: "design-first" });
    expect(result).toMatchObject({
      root: join(directory(), "project"),
      createdWorkspace: true,
      workflow: "design-first",
    });
    expect(result.files.map((file) => file.split(/[\\/]/).at(-1))).toEqual([
      "design.md",
      "requirements.md",
      "tasks.md",
      ".config.kiro",
    ]);
  });

  it("refuses an existing spec and leaves it exactly as it was", async () => {
    await writeTree(directory(), { ".kiro/specs/rate-limiting/requirements.md": "# Mine\n" });
    await expect(createNewSpec({ cwd: directory(), name: "rate-limiting" })).rejects.toMatchObject({
      code: "spec-exists",
      kind: "refused",
    });
    expect(await readdir(join(directory(), ".kiro/specs/rate-limiting"))).toEqual(["requirements.md"]);
    expect(await readFile(join(directory(), ".kiro/specs/rate-limiting/requirements.md"), "utf8")).toBe("# Mine\n");
    expect((await readdir(join(directory(), ".kiro"))).sort()).toEqual(["specs"]);
  });

  it("refuses a file where the spec folder would go", async () => {
    await writeTree(directory(), { ".kiro/specs/rate-limiting": "a file" });
    await expect(createNewSpec({ cwd: directory(), name: "rate-limiting" })).rejects.toMatchObject({
      code: "spec-exists",
    });
  });

  it("refuses a .kiro that is a file", async () => {
    await writeTree(directory(), { ".kiro": "not a folder" });
    await expect(createNewSpec({ cwd: directory(), name: "x" })).rejects.toMatchObject({ code: "kiro-not-a-folder" });
  });

  it("lets exactly one of several racing creators make the spec", async () => {
    await mkdir(join(directory(), ".kiro"));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => createNewSpec({ cwd: directory(), name: "race" })),
    );
    const created = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(created).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "spec-exists" });
    }
    const winner = created[0]?.status === "fulfilled" ? created[0].value : undefined;
    const config = await readFile(join(directory(), ".kiro/specs/race/.config.kiro"), "utf8");
    expect(config).toContain(winner?.specId ?? "missing");
    expect((await readdir(join(directory(), ".kiro"))).sort()).toEqual(["specs"]);
  });

  it("refuses bad names before touching the disk, and design-first bugfixes", async () => {
    await expect(createNewSpec({ cwd: directory(), name: "../escape" })).rejects.toMatchObject({
      code: "invalid-spec-name",
      kind: "usage",
    });
    await expect(
      createNewSpec({ cwd: directory(), name: "crash", type: "bugfix", workflow: "design-first" }),
    ).rejects.toMatchObject({ code: "invalid-workflow", kind: "usage" });
    expect(await readdir(directory())).toEqual([]);
  });
});
