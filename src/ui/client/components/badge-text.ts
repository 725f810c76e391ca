import type { BadgeInfo } from "../api/api-types";

/** Drift and impact come as a count, a flag or an object; this says them in a few words, or nothing. */
export function badgeText(name: string, badge: BadgeInfo | number | boolean | undefined): string | undefined {
  if (badge === undefined || badge === false || badge === 0) return undefined;
  if (badge === true) return name;
  if (typeof badge === "number") return `${name} ${badge}`;
  if (badge.label !== undefined) return `${name}: ${badge.label}`;
  if (badge.count !== undefined) return badge.count === 0 ? undefined : `${name} ${badge.count}`;
  return name;
}
