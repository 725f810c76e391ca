import { join } from "node:path";

/** Where Kiro keeps each kind of file, relative to a workspace root (the folder that holds `.kiro/`). */
export interface KiroPaths {
  readonly root: string;
  readonly kiroDirectory: string;
  readonly specsDirectory: string;
  readonly steeringDirectory: string;
  readonly hooksDirectory: string;
  readonly settingsDirectory: string;
  readonly mcpSettingsFile: string;
}

export const KIRO_DIRECTORY_NAME = ".kiro";

export function kiroPaths(root: string): KiroPaths {
  const kiroDirectory = join(root, KIRO_DIRECTORY_NAME);
  const settingsDirectory = join(kiroDirectory, "settings");
  return {
    root,
    kiroDirectory,
    specsDirectory: join(kiroDirectory, "specs"),
    steeringDirectory: join(kiroDirectory, "steering"),
    hooksDirectory: join(kiroDirectory, "hooks"),
    settingsDirectory,
    mcpSettingsFile: join(settingsDirectory, "mcp.json"),
  };
}
