import { OPERATOR_ROLES, PARTNER_ROLES, type Persona, type Tenant, type World } from "./matrix-world";

/*
 * Who may see what, written by hand from the program's rules and the issues (not derived from the code
 * under test): the rule every tenant-scoped entry point follows, and the table of pages. The
 * authorization matrix checks every cell; other page-wide tests can visit each page as the
 * personas the table lets see it.
 */

export type Outcome = "allowed" | "refused" | "not found" | "sign in";
export type Column = "own" | "foreign";

export const CUSTOMER_READ = ["global_admin", "billing_administrator"];
export const CUSTOMER_ADMIN = ["global_admin"];
export const CUSTOMERS_READ = ["account_admin", "admin_agent", "sales_agent", "helpdesk_agent"];

/** The rule every tenant-scoped entry point follows. */
export function expected(p: Persona, tenant: Tenant, roles: string[], objectElsewhere: boolean): Outcome {
  if (!p.org) return "sign in";
  if (p.org !== tenant) return "not found";
  if (!p.roles.some((r) => roles.includes(r))) return "refused";
  return objectElsewhere ? "not found" : "allowed";
}

export const partnerSide = (p: Persona) => p.org === null || p.org.startsWith("P");

export const anyone = (): Outcome => "allowed";
export const SELLS = ["admin_agent", "sales_agent"];

export type PageRow = { url: (w: World, c: Column) => string; expect: (p: Persona, c: Column) => Outcome };
export const partnerPage = (suffix: (w: World, c: Column) => string, roles: string[], foreign: "org" | "object") => ({
  url: (w: World, c: Column) => `/partner/${foreign === "org" && c === "foreign" ? w.P2 : w.P}${suffix(w, c)}`,
  expect: (p: Persona, c: Column) =>
    foreign === "org" && c === "foreign" ? expected(p, "P2", roles, false) : expected(p, "P", roles, c === "foreign"),
});
export const customerPage = (suffix: (w: World, c: Column) => string, foreign: "org" | "object") => ({
  url: (w: World, c: Column) => `/customer/${foreign === "org" && c === "foreign" ? w.C2 : w.C}${suffix(w, c)}`,
  expect: (p: Persona, c: Column) =>
    foreign === "org" && c === "foreign" ? expected(p, "C2", CUSTOMER_READ, false) : expected(p, "C", CUSTOMER_READ, c === "foreign"),
});
export const publicPage = (url: string) => ({ url: () => url, expect: anyone });
/** The operator console: one operator organization, so the foreign column names another object (or none). */
export const operatorPage = (suffix: (w: World, c: Column) => string) => ({
  url: (w: World, c: Column) => `/operator${suffix(w, c)}`,
  expect: (p: Persona, c: Column) => expected(p, "O", OPERATOR_ROLES, c === "foreign"),
});

export const PAGES: Record<string, PageRow> = {
  "/": publicPage("/"),
  "/signin": publicPage("/signin"),
  "/about": publicPage("/about"),
  "/signin/check-email": publicPage("/signin/check-email"),
  "/signin/error": publicPage("/signin/error"),
  "/signin/continue": publicPage("/signin/continue?token=x&email=nobody%40example.org"),
  "/mailbox": publicPage("/mailbox"),
  "/mailbox/[id]": { url: () => "/mailbox/1", expect: anyone },
  "/mailbox/webhooks": publicPage("/mailbox/webhooks"),
  "/api-reference": publicPage("/api-reference"),
  "/invite/[token]": { url: (w) => `/invite/${w.openToken}`, expect: anyone },
  "/invite/[token]/done": { url: (w) => `/invite/${w.openToken}/done`, expect: anyone },
  "/join/[token]": { url: (w) => `/join/${w.openMemberToken}`, expect: anyone },
  "/partnership/[token]": { url: (w) => `/partnership/${w.openPartnershipToken}`, expect: anyone },
  "/partner": { url: () => "/partner", expect: (p) => (!p.org ? "sign in" : partnerSide(p) ? "allowed" : "not found") },
  "/partner/[partnerId]": partnerPage(() => "", PARTNER_ROLES, "org"),
  "/partner/[partnerId]/customers": partnerPage(() => "/customers", CUSTOMERS_READ, "org"),
  "/partner/[partnerId]/customers/[customerId]": partnerPage((w, c) => `/customers/${c === "own" ? w.C : w.C2}`, CUSTOMERS_READ, "object"),
  "/partner/[partnerId]/customers/[customerId]/admin-relationships/new": partnerPage(
    (w, c) => `/customers/${c === "own" ? w.C : w.C2}/admin-relationships/new`,
    ["admin_agent"],
    "object",
  ),
  "/partner/[partnerId]/invitations": partnerPage(() => "/invitations", CUSTOMERS_READ, "org"),
  "/partner/[partnerId]/invitations/new": partnerPage(() => "/invitations/new", ["account_admin", "admin_agent", "sales_agent"], "org"),
  "/partner/[partnerId]/templates": partnerPage(() => "/templates", CUSTOMERS_READ, "org"),
  "/partner/[partnerId]/templates/new": partnerPage(() => "/templates/new", ["admin_agent"], "org"),
  "/partner/[partnerId]/templates/[templateId]": partnerPage(
    (w, c) => `/templates/${c === "own" ? w.templateP : w.templateP2}`,
    CUSTOMERS_READ,
    "object",
  ),
  "/partner/[partnerId]/groups": partnerPage(() => "/groups", [...CUSTOMERS_READ, "user_management_admin"], "org"),
  "/partner/[partnerId]/activity": partnerPage(() => "/activity", [...CUSTOMERS_READ, "user_management_admin"], "org"),
  "/partner/[partnerId]/expiring": partnerPage(() => "/expiring", CUSTOMERS_READ, "org"),
  "/partner/[partnerId]/team": partnerPage(() => "/team", PARTNER_ROLES, "org"),
  "/partner/[partnerId]/api": partnerPage(() => "/api", ["account_admin"], "org"),
  "/partner/[partnerId]/api/webhooks/[endpointId]": partnerPage(
    (w, c) => `/api/webhooks/${c === "own" ? w.webhookP : w.webhookP2}`,
    ["account_admin"],
    "object",
  ),
  "/partner/[partnerId]/resellers": partnerPage(() => "/resellers", CUSTOMERS_READ, "org"),
  "/partner/[partnerId]/providers": partnerPage(() => "/providers", CUSTOMERS_READ, "org"),
  "/partner/[partnerId]/customers/[customerId]/remove": partnerPage(
    (w, c) => `/customers/${c === "own" ? w.C : w.C2}/remove`,
    ["account_admin", "admin_agent"],
    "object",
  ),
  "/customer/[customerId]/partners/[partnerId]/remove": {
    url: (w, c) => `/customer/${w.C}/partners/${c === "own" ? w.disposablePartner : w.litware}/remove`,
    expect: (p, c) => expected(p, "C", CUSTOMER_ADMIN, c === "foreign"),
  },
  "/enroll": publicPage("/enroll"),
  "/operator": { url: () => "/operator", expect: (p) => expected(p, "O", OPERATOR_ROLES, false) },
  "/operator/applications": { url: () => "/operator/applications", expect: (p) => expected(p, "O", OPERATOR_ROLES, false) },
  "/operator/applications/[applicationId]": operatorPage(
    (w, c) => `/applications/${c === "own" ? w.decidedApplication : "app_matrix_nonexistent"}`,
  ),
  "/operator/partners": { url: () => "/operator/partners", expect: (p) => expected(p, "O", OPERATOR_ROLES, false) },
  "/operator/partners/[partnerId]": operatorPage((w, c) => `/partners/${c === "own" ? w.P : w.C}`),
  "/operator/customers": { url: () => "/operator/customers", expect: (p) => expected(p, "O", OPERATOR_ROLES, false) },
  "/operator/catalog": { url: () => "/operator/catalog", expect: (p) => expected(p, "O", OPERATOR_ROLES, false) },
  "/operator/team": { url: () => "/operator/team", expect: (p) => expected(p, "O", OPERATOR_ROLES, false) },
  "/operator/activity": { url: () => "/operator/activity", expect: (p) => expected(p, "O", OPERATOR_ROLES, false) },
  // What the partner sold: billing's page (a Billing admin does billing only) and everyone who sees customers.
  "/partner/[partnerId]/subscriptions": partnerPage(() => "/subscriptions", [...CUSTOMERS_READ, "billing_admin"], "org"),
  "/partner/[partnerId]/subscriptions/import": partnerPage(() => "/subscriptions/import", SELLS, "org"),
  "/customer/[customerId]": customerPage(() => "", "org"),
  "/customer/[customerId]/activity": customerPage(() => "/activity", "org"),
  "/customer/[customerId]/users": customerPage(() => "/users", "org"),
  "/customer/[customerId]/admin-relationships/[relationshipId]": customerPage(
    (w, c) => `/admin-relationships/${c === "own" ? w.relTerminatedPC : w.relTerminatedC2}`,
    "object",
  ),
};
