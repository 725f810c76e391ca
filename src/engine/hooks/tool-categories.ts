/** Kiro 0.x `toolTypes` categories → Specwright's agent tools; any other entry is a tool name (or regex). */
export const TOOL_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  read: ["read_file", "list_files", "search"],
  write: ["write_file", "edit_file", "delete_file"],
  shell: ["run_command"],
  "*": ["*"],
};
