import { createHash, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { E2E } from "./ports";

/** Direct access to the running server's database, for arranging time (expiry) the way a clock would. */
export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E.dbPath);
  db.pragma("busy_timeout = 5000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const idOf = (prefix: string, text: string) => `${prefix}_${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;

/** The user with this address (created the first time, with an id derived from it). */
export function userFor(db: Database.Database, email: string): string {
  db.prepare("insert or ignore into users (id, email, created_at) values (?, ?, ?)").run(idOf("usr", email), email, Date.now());
  return (db.prepare("select id from users where email = ?").get(email) as { id: string }).id;
}

/** That user, made a member of the organization with these roles; returns the user's id. */
export function memberFor(db: Database.Database, organizationId: string, email: string, roles: string[]): string {
  const userId = userFor(db, email);
  db.prepare("insert or ignore into memberships (id, organization_id, user_id, roles, created_at) values (?, ?, ?, ?, ?)").run(
    idOf("mem", organizationId + email),
    organizationId,
    userId,
    JSON.stringify(roles),
    Date.now(),
  );
  return userId;
}

/** A live database session for the user, as after signing in: the Cookie header that carries it. */
export function sessionCookieFor(db: Database.Database, userId: string): string {
  const token = randomBytes(32).toString("base64url");
  db.prepare("insert into sessions (session_token, user_id, expires, signed_in_at) values (?, ?, ?, ?)").run(
    token,
    userId,
    Date.now() + 30 * 86_400_000,
    Date.now(),
  );
  return `authjs.session-token=${token}`;
}
