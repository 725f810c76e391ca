import { loadSpec } from "../../engine/workspace-model/load-spec.js";
import { buildTraceMatrix, type TraceMatrix, type TraceRow } from "../../rules/traceability/trace-matrix.js";
import { printJson, runCommand } from "../command-output.js";
import type { CommonOptions } from "../common-options.js";
import { detectTerminal, paint, type Terminal } from "../terminal.js";

const STATUS_MARK = { done: "[x]", "in-progress": "[-]", queued: "[~]", todo: "[ ]" } as const;

export async function traceCommand(spec: string, options: CommonOptions & { markdown?: boolean }): Promise<void> {
  await runCommand(options.json === true, async () => {
    const loaded = await loadSpec({ cwd: process.cwd(), ...(options.root ? { root: options.root } : {}), spec });
    const matrix = buildTraceMatrix(loaded.model);
    if (options.json) printJson({ ok: true, spec: loaded.summary.name, ...matrix });
    else if (options.markdown) process.stdout.write(toMarkdown(loaded.summary.name, matrix));
    else process.stdout.write(toText(matrix, detectTerminal()));
    return undefined;
  });
}

const tasksOf = (row: TraceRow) =>
  row.tasks.map((task) => `${STATUS_MARK[task.status]} ${task.id ?? task.title}`).join(", ");
const propertiesOf = (row: TraceRow) => row.properties.map((property) => `P${property.number}`).join(", ");
const summaryOf = ({ summary, unread }: TraceMatrix) =>
  unread ??
  `${summary.covered}/${summary.criteria} criteria covered by tasks, ${summary.done} fully done, ${summary.uncovered} uncovered`;

function toMarkdown(spec: string, matrix: TraceMatrix): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ");
  const lines = [
    `### Traceability: ${spec}`,
    "",
    summaryOf(matrix),
    "",
    "| Criterion | Tasks | Properties | Text |",
    "| --- | --- | --- | --- |",
    ...matrix.rows.map(
      (row) =>
        `| ${row.criterion} | ${row.tasks.length > 0 ? cell(tasksOf(row)) : "**uncovered**"} | ${propertiesOf(row) || "–"} | ${cell(
          row.text.length > 100 ? `${row.text.slice(0, 97)}…` : row.text,
        )} |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

function toText(matrix: TraceMatrix, terminal: Terminal): string {
  const width = Math.max(9, ...matrix.rows.map((row) => row.criterion.length));
  const lines = matrix.rows.map((row) => {
    const tasks = row.tasks.length > 0 ? tasksOf(row) : paint(terminal, "red", "uncovered");
    const properties = propertiesOf(row);
    return `${row.criterion.padEnd(width)}  ${tasks}${properties ? paint(terminal, "dim", `  (${properties})`) : ""}`;
  });
  return `${lines.join("\n")}${lines.length > 0 ? "\n\n" : ""}${summaryOf(matrix)}\n`;
}
