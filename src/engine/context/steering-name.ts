/** `.kiro/steering/api-standards.md` → `api-standards`: the name a prompt uses to ask for a manual file. */
export function steeringName(path: string): string {
  const file = path.split("/").at(-1) ?? path;
  return file.replace(/\.md$/i, "");
}
