/** A commit that changed a file again after the task that owns it was verified. */
export interface DriftCommit {
  readonly commit: string;
  readonly date: string;
  readonly author: string;
  readonly subject: string;
}

export interface DriftedFile {
  /** Relative to the repository's top folder, `/`-separated. */
  readonly path: string;
  readonly commits: readonly DriftCommit[];
}

/** A done task whose files changed again since its verification. */
export interface TaskDrift {
  readonly spec: string;
  readonly taskId: string;
  readonly title: string;
  /** When its after checkpoint (the end of its verified run) was taken. */
  readonly verifiedAt: string;
  readonly files: readonly DriftedFile[];
}

/** Code a spec owns that changed in `base..HEAD` while none of its documents did. */
export interface UnspecifiedChange {
  readonly spec: string;
  readonly files: readonly string[];
  /** Why the spec owns them: `tasks` (a task's run changed them) and/or `paths` (its `.config.kiro` globs). */
  readonly ownedBy: readonly ("tasks" | "paths")[];
}

export interface DriftReport {
  readonly root: string;
  readonly repositoryRoot: string;
  readonly specs: readonly string[];
  readonly tasks: readonly TaskDrift[];
  /** With `base`: where the comparison starts (the merge base of `base` and HEAD). */
  readonly base?: { readonly ref: string; readonly commit: string; readonly mergeBase: string };
  readonly unspecified: readonly UnspecifiedChange[];
}
