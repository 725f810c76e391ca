/** The package ecosystems whose lockfiles Specwright reads. */
export type DependencyEcosystem = "npm" | "python" | "go" | "rust";

/** One package as installed: the version a lockfile pins, not the range a manifest asks for. */
export interface InstalledDependency {
  readonly name: string;
  readonly version: string;
  readonly ecosystem: DependencyEcosystem;
  /** True when the project itself depends on it, false when only another package does; absent when unknown. */
  readonly direct?: boolean;
  /** True for a development-only dependency, when the lockfile says so. */
  readonly dev?: boolean;
}

/** What one lockfile says. */
export interface LockfileReading {
  /** The lockfile, relative to the repository root. */
  readonly file: string;
  /** The tool that wrote it: "npm", "pnpm", "Yarn", "Poetry", "uv", "pip", "Pipenv", "Go modules", "Cargo". */
  readonly manager: string;
  readonly dependencies: readonly InstalledDependency[];
}
