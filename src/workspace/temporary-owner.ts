/**
 * What the workspace layer leaves behind when a process dies mid-write (kill -9, power loss): the temp
 * file of an atomic write (`.<file>.tmp.<pid>.<hex>`), a lock folder being prepared (`.<file>.lock.new.…`)
 * and a broken lock's owner file (`.<file>.lock.stale.…`), plus `.…lock.release.…` of older versions. The
 * pid in the name says whose it is. Apart from leftovers.ts so that listing a folder (which leaves these
 * names out) does not load the lock record's schema.
 */
const TEMPORARY = /^\..+\.(tmp|new|stale|release)\.(\d+)\.[0-9a-f]+$/;

/** The process whose temporary this is, or undefined for a name that is not one. */
export function temporaryOwnerPid(name: string): number | undefined {
  const match = TEMPORARY.exec(name);
  return match === null ? undefined : Number(match[2]);
}
