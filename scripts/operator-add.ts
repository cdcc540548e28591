/**
 * `npm run operator:add -- someone@example.com [--name "Program name"]`: makes that person an
 * operator admin of this instance (creating the operator organization the first time), on
 * the configured database (DATABASE_URL for PostgreSQL, else DATABASE_PATH). Idempotent: a second run changes nothing and says so. The
 * person then signs in at /signin with that address and finds the console at /operator.
 */
import { parseArgs } from "node:util";
import { applyMigrations, closeDatabase, openAppDatabase } from "../db/connect";
import { addOperator } from "../lib/operator/bootstrap";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { name: { type: "string" }, db: { type: "string" } } });
const email = positionals[0];
if (!email || positionals.length > 1) {
  console.error('usage: npm run operator:add -- someone@example.com [--name "Program name"] [--db FILE]');
  process.exit(2);
}
async function main() {
  const url = process.env.DATABASE_URL || undefined;
  const file = values.db ?? process.env.DATABASE_PATH ?? "data/demo.db";
  const db = openAppDatabase({ url, path: file });
  try {
    await applyMigrations(db);
    const r = await addOperator(db, email, new Date(), values.name);
    const said = [
      r.organization === "created" ? "created the operator organization" : "the operator organization exists",
      r.user === "created" ? `created the user ${r.email}` : `${r.email} already has an account`,
      r.membership === "created"
        ? "made them an operator admin"
        : r.membership === "promoted"
          ? "gave them the operator admin role"
          : "they already are an operator admin: nothing changed",
    ];
    console.log(`${url ? "PostgreSQL" : file}: ${said.join("; ")}.`);
    console.log("Sign in at /signin with that address; the console is at /operator.");
  } catch (error) {
    const code = (error as { code?: string }).code;
    console.error(code === "VALIDATION" ? `"${email}" is not an email address.` : error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  } finally {
    await closeDatabase(db);
  }
}

void main();
