import type { Badge } from "../api/api-types";

/** Drift and impact come as a sentence, a count, a flag or an object; this says them in a few words, or nothing. */
export function badgeText(name: string, badge: Badge | undefined): string | undefined {
  if (badge === undefined || badge === null || badge === false || badge === 0 || badge === "") return undefined;
  if (badge === true) return name;
  if (typeof badge === "string") return `${name}: ${badge}`;
  if (typeof badge === "number") return `${name} ${badge}`;
  if (badge.label !== undefined) return `${name}: ${badge.label}`;
  if (badge.summary !== undefined) return `${name}: ${badge.summary}`;
  if (badge.tasks !== undefined || badge.files !== undefined) {
    const tasks = badge.tasks ?? 0;
    const files = badge.files ?? 0;
    return `${name}: ${tasks} task${tasks === 1 ? "" : "s"}, ${files} file${files === 1 ? "" : "s"}`;
  }
  if (badge.count !== undefined) return badge.count === 0 ? undefined : `${name} ${badge.count}`;
  return name;
}
