/** What `init` could read from a repository, to fill the steering templates. Every field may be empty. */
export interface RepositoryFacts {
  /** From a manifest (package.json, Cargo.toml, pyproject.toml, go.mod), else the folder name. */
  readonly name: string;
  readonly description?: string;
  /** The manifests the facts came from, by file name, in the order they were read. */
  readonly manifests: readonly string[];
  /** Languages by number of source files, most first. */
  readonly languages: readonly LanguageFact[];
  /** Package managers and build tools, each with the file that gives it away. */
  readonly packageManagers: readonly PackageManagerFact[];
  /** Commands a developer runs (package.json scripts, the ecosystem's defaults). */
  readonly commands: readonly CommandFact[];
  /** Folders at the top of the repository, hidden, dependency and build-output folders left out. */
  readonly topLevelFolders: readonly string[];
}

export interface LanguageFact {
  readonly name: string;
  readonly files: number;
}

export interface PackageManagerFact {
  readonly name: string;
  /** The file that shows it is used: `pnpm-lock.yaml`, `package.json#packageManager`. */
  readonly evidence: string;
}

export interface CommandFact {
  /** What to type: `npm run build`. */
  readonly command: string;
  /** What it runs, when the manifest says: `tsc -p tsconfig.build.json`. */
  readonly runs?: string;
}
