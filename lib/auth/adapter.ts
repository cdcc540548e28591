import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter, AdapterSession } from "next-auth/adapters";
import type { Db } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { transaction } from "@/db/transaction";

const tables = { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens };

/** The adapter's methods that write: each runs in a transaction of its own. */
const WRITES = [
  "createUser",
  "updateUser",
  "deleteUser",
  "linkAccount",
  "unlinkAccount",
  "createSession",
  "updateSession",
  "deleteSession",
  "createVerificationToken",
  "useVerificationToken",
] as const satisfies readonly (keyof Adapter)[];

/**
 * Auth.js's Drizzle adapter, with its writes (users, sessions, sign-in links) made through
 * `transaction()` like every other write: on a server's read connection a write outside
 * one would fail, and on the writer it could land inside another request's open
 * transaction. Its reads stay on the database as given.
 */
export function transactionalAdapter(database: Db): Adapter {
  const adapter: Adapter = DrizzleAdapter(database, tables);
  for (const name of WRITES) {
    const write = (...args: unknown[]) =>
      transaction(database, (tx) => {
        const method = DrizzleAdapter(tx, tables)[name] as (...a: unknown[]) => Promise<unknown>;
        return method(...(name === "updateSession" ? [withFixedExpiry(args[0] as AdapterSession)] : args));
      });
    Object.assign(adapter, { [name]: write });
  }
  return adapter;
}

/**
 * A session lasts 30 days from sign-in, whatever is fetched meanwhile: Auth.js's session
 * handling would push `expires` forward once a day, so a session (or a stolen cookie) fetched
 * once a month would never end. Whatever path reaches the adapter, the expiry set at sign-in
 * stays as it is.
 */
function withFixedExpiry(session: Partial<AdapterSession> & Pick<AdapterSession, "sessionToken">): Partial<AdapterSession> {
  return { ...session, expires: undefined };
}
