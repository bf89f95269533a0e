// Random bearer secrets (session cookies, API tokens) and their at-rest form: only the SHA-256 of
// a token is stored, so a leaked database row cannot be replayed as a cookie or a token.
import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;
/** 32 random bytes in base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSecretToken(prefix = ""): string {
  return prefix + randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a presented value has the shape of a token we issue (anything else is not looked up). */
export function isWellFormedToken(value: string, prefix = ""): boolean {
  return value.startsWith(prefix) && TOKEN_PATTERN.test(value.slice(prefix.length));
}
