import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkWorkflow, GENERATED_HEADER, wavesWorkflow } from "../../../src/engine/ci/github-workflow-yaml.js";
import { actionlint } from "../../helpers/actionlint.js";

interface Job {
  needs?: string;
  strategy?: { matrix: { task: string[] }; "max-parallel": number };
  steps: { run?: string; uses?: string; if?: string; with?: Record<string, unknown> }[];
}

const waves = [
  { index: 1, taskIds: ["1", "2"], barrier: false },
  { index: 2, taskIds: ["3", "4", "5"], barrier: false },
  { index: 3, taskIds: ["6"], barrier: false },
];

describe("GitHub workflows", () => {
  it("checks the specs and uploads the SARIF even when the check finds problems", async () => {
    const text = checkWorkflow();
    expect(text.startsWith(`${GENERATED_HEADER}\n`)).toBe(true);
    const workflow = parse(text) as { jobs: { check: Job }; permissions: Record<string, string> };
    const steps = workflow.jobs.check.steps;
    expect(steps.find((step) => step.run?.includes("check --format sarif > specwright.sarif"))).toBeDefined();
    const upload = steps.find((step) => step.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(upload).toMatchObject({ if: "always()", with: { sarif_file: "specwright.sarif" } });
    expect(workflow.permissions["security-events"]).toBe("write");
    expect(await actionlint(text)).toEqual([]);
  });

  it("runs each wave as a job matrix after the previous wave's merge, and ends with one pull request", async () => {
    const text = wavesWorkflow({ spec: "waves", waves, parallel: 2 });
    const workflow = parse(text) as { jobs: Record<string, Job> };
    expect(Object.keys(workflow.jobs)).toEqual([
      "prepare",
      "wave-1",
      "merge-1",
      "wave-2",
      "merge-2",
      "wave-3",
      "merge-3",
      "pull-request",
    ]);
    expect(workflow.jobs["wave-2"]?.strategy?.matrix.task).toEqual(["3", "4", "5"]);
    expect(workflow.jobs["wave-2"]?.strategy?.["max-parallel"]).toBe(2);
    expect(workflow.jobs["wave-2"]?.needs).toBe("merge-1");
    expect(workflow.jobs["merge-2"]?.needs).toBe("wave-2");
    expect(workflow.jobs["pull-request"]?.needs).toBe("merge-3");
    const runStep = workflow.jobs["wave-1"]?.steps.find((step) => step.run?.includes("run waves --task"));
    expect(runStep?.run).toContain(`--task "\${{ matrix.task }}"`);
    // The merge job merges in plan order and checks each task off.
    const merge = workflow.jobs["merge-2"]?.steps.at(-1)?.run ?? "";
    expect(merge.indexOf("task-3")).toBeLessThan(merge.indexOf("task-4"));
    expect(merge).toContain("task waves 5 --status done");
    expect(await actionlint(text, ".github/workflows/specwright-waves-waves.yml")).toEqual([]);
  });

  it("is caught by actionlint when broken, so the checks above mean something", async () => {
    const broken = checkWorkflow().replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    needs: nowhere");
    expect((await actionlint(broken)).length).toBeGreaterThan(0);
  });
});
