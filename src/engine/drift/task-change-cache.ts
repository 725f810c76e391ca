import type { GitRepository } from "../../workspace/git/git-repository.js";
import { type BlobChange, diffCommitPairs } from "../../workspace/git/history.js";
import { ResultCache } from "../check/result-cache.js";

interface CachedChanges {
  readonly fingerprint: string;
  readonly changes: readonly BlobChange[];
}

/**
 * What each finished task changed, by its after commit. A checkpoint pair never changes (a new run makes
 * new commits), so results are cached for good under the pair's ids; only new pairs go to git.
 */
export async function cachedTaskChanges(
  root: string,
  repository: GitRepository,
  pairs: readonly { readonly before: string; readonly after: string }[],
): Promise<Map<string, readonly BlobChange[]>> {
  const cache = await ResultCache.open<CachedChanges>(root, "task-changes", "");
  const result = new Map<string, readonly BlobChange[]>();
  const missing: { before: string; after: string }[] = [];
  for (const pair of pairs) {
    const hit = cache.lookup(pair.after, pair.before);
    if (hit) result.set(pair.after, hit.changes);
    else missing.push(pair);
  }
  const fresh = await diffCommitPairs(repository, missing);
  for (const pair of missing) {
    const changes = fresh.get(pair.after) ?? [];
    result.set(pair.after, changes);
    cache.store(pair.after, { fingerprint: pair.before, changes });
  }
  await cache.save();
  return result;
}
