import { writeTree } from "./temp-dir.js";

/** A minimal spec folder with the named documents (any text will do for approvals: they hash bytes). */
export async function writeApprovalSpec(
  root: string,
  spec: string,
  documents: Partial<Record<"requirements" | "bugfix" | "design" | "tasks", string>>,
  config?: { workflowType?: string; specType?: string },
): Promise<void> {
  const files: Record<string, string> = {};
  for (const [phase, text] of Object.entries(documents)) files[`.kiro/specs/${spec}/${phase}.md`] = text;
  if (config) files[`.kiro/specs/${spec}/.config.kiro`] = JSON.stringify({ specId: "1", ...config });
  if (Object.keys(files).length === 0) files[`.kiro/specs/${spec}/`] = "";
  await writeTree(root, files);
}

/** The path of a spec's approvals sidecar file, relative to the workspace root. */
export function approvalsFile(spec: string): string {
  return `.kiro/specs/${spec}/.specwright-approvals.json`;
}
