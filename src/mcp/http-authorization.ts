import { randomBytes, timingSafeEqual } from "node:crypto";

/** A fresh bearer token: 256 random bits, URL-safe. */
export function createBearerToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Whether an `Authorization` header carries exactly this bearer token (compared in constant time). */
export function isAuthorized(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  const given = Buffer.from(match?.[1] ?? "", "utf8");
  const expected = Buffer.from(token, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
