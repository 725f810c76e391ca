import { describe, expect, it } from "vitest";
import { dataFileKindsOf, loadDataFileParsers } from "../../../src/engine/workspace-model/load-data-file-parsers.js";
import { loadWorkspaceModel } from "../../../src/engine/workspace-model/load-workspace-model.js";
import { readWorkspaceFiles } from "../../../src/engine/workspace-model/read-workspace-files.js";
import { listWorkspace } from "../../../src/engine/workspace-model/workspace-listing.js";
import { ALL_DATA_FILE_PARSERS } from "../../../src/rules/all-data-file-parsers.js";
import { buildWorkspaceModel } from "../../../src/rules/build-workspace-model.js";
import { DATA_FILE_KINDS } from "../../../src/rules/data-file-parsers.js";
import { SAMPLE_WORKSPACE } from "../../helpers/sample-specs.js";
import { useTempDirectory, writeTree } from "../../helpers/temp-dir.js";

const folder = useTempDirectory();

/** One file of every data kind beside the sample specs (two of which have a `.config.kiro`). */
const EVERY_KIND: Record<string, string> = {
  ...SAMPLE_WORKSPACE,
  ".kiro/specs/rate-limiting/tasks.meta.json": '{"waves": [["1"]]}',
  ".kiro/steering/product.md": "---\ninclusion: always\n---\n\n# Product\n",
  ".kiro/hooks/format.kiro.hook": '{"name": "Format", "when": {"type": "fileEdited", "patterns": ["*.ts"]}}',
  ".kiro/hooks/lint.json": '{"version": "1", "hooks": [',
  ".kiro/settings/mcp.json": '{"mcpServers": {}}',
  ".kiro/settings/specwright.json": '{"rules": {}}',
};

describe("dataFileKindsOf", () => {
  it("names every kind of data file a workspace holds, from the listing alone", async () => {
    const root = folder();
    await writeTree(root, EVERY_KIND);
    const { sharedPaths, folders } = await listWorkspace(root);
    expect([...dataFileKindsOf(root, sharedPaths, folders)].sort()).toEqual([...DATA_FILE_KINDS].sort());
    expect([...dataFileKindsOf(root, sharedPaths, [])].sort()).toEqual(
      ["hook-file", "legacy-hook", "mcp-settings", "specwright-settings", "steering"].sort(),
    );
  });

  it("names none for markdown specs alone", async () => {
    const root = folder();
    await writeTree(root, {
      ".kiro/specs/a/requirements.md": "# Requirements\n",
      ".kiro/specs/b/tasks.md": "# Tasks\n",
    });
    const { sharedPaths, folders } = await listWorkspace(root);
    expect(dataFileKindsOf(root, sharedPaths, folders).size).toBe(0);
  });
});

describe("loadDataFileParsers", () => {
  it("gives the parsers asked for, and for the others one that throws instead of parsing", async () => {
    const parsers = await loadDataFileParsers(["steering", "spec-config"]);
    expect(parsers.steering).toBe(ALL_DATA_FILE_PARSERS.steering);
    expect(parsers["spec-config"]).toBe(ALL_DATA_FILE_PARSERS["spec-config"]);
    expect(() => parsers["hook-file"]("{}")).toThrow("The hook-file parser was not loaded");
  });

  it("every kind loaded is the eager parser of that kind", async () => {
    const parsers = await loadDataFileParsers(DATA_FILE_KINDS);
    for (const kind of DATA_FILE_KINDS) expect(parsers[kind]).toBe(ALL_DATA_FILE_PARSERS[kind]);
  });
});

describe("loadWorkspaceModel with the parsers of the files present", () => {
  it("builds the model buildWorkspaceModel builds from the same files", async () => {
    const root = folder();
    await writeTree(root, EVERY_KIND);
    const { sharedPaths, folders } = await listWorkspace(root);
    const paths = [...sharedPaths, ...folders.flatMap((spec) => spec.documents.map((name) => `${spec.path}/${name}`))];
    const eager = buildWorkspaceModel(readWorkspaceFiles(root, paths));
    const loaded = await loadWorkspaceModel(root);
    expect(loaded.specs).toEqual(eager.specs);
    expect(loaded.steering).toEqual(eager.steering);
    expect(loaded.legacyHooks).toEqual(eager.legacyHooks);
    expect(loaded.hookFiles).toEqual(eager.hookFiles);
    expect(loaded.mcpSettings).toEqual(eager.mcpSettings);
    expect(loaded.specwrightSettings).toEqual(eager.specwrightSettings);
    expect(loaded.specs.map((spec) => [spec.name, spec.config !== undefined, spec.tasksMeta !== undefined])).toEqual([
      ["double-save", true, false],
      ["rate-limiting", true, true],
    ]);
  });
});
