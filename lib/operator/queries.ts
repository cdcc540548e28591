import { firstRow } from "@/db/query";
import "server-only";
import { and, asc, count, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  adminRelationships,
  auditEvents,
  memberships,
  organizations,
  partnerApplications,
  resellerRelationships,
  users,
} from "@/db/schema";
import { IN_FORCE } from "@/lib/admin-relationships/states";
import { type Member, ensurePermitted } from "@/lib/auth/membership";
import type { ApplicationState } from "@/db/values/enrollment";
import { DomainError } from "@/lib/errors";
import type { Cloud, PartnerState, PartnerType } from "@/db/values/organizations";
import { PAGE_SIZE, toPage } from "@/lib/pagination";
import { contains } from "@/lib/search";
import { domainTaken, waitingClaims } from "@/lib/enrollment/claims";
import { isOwnApplication } from "@/lib/enrollment/decisions";

/*
 * The operator console's reads. Each takes the operator member (from operatorForPage) and
 * checks the permission itself: the console sees every cloud, and nobody else sees it.
 */
export async function listApplications(db: Db, member: Member, opts: { state?: ApplicationState; page: number }) {
  ensurePermitted(member, "operator.console.read");
  const rows = await db
    .select()
    .from(partnerApplications)
    .where(opts.state ? eq(partnerApplications.state, opts.state) : undefined)
    .orderBy(desc(partnerApplications.createdAt), desc(partnerApplications.id))
    .limit(PAGE_SIZE + 1)
    .offset((opts.page - 1) * PAGE_SIZE);
  return toPage(rows, opts.page);
}

export async function countPendingApplications(db: Db, member: Member): Promise<number> {
  ensurePermitted(member, "operator.console.read");
  return (await firstRow(db.select({ n: count() }).from(partnerApplications).where(eq(partnerApplications.state, "pending"))))!.n;
}

export async function getApplicationOrThrow(db: Db, member: Member, applicationId: string) {
  ensurePermitted(member, "operator.console.read");
  const app = await firstRow(db.select().from(partnerApplications).where(eq(partnerApplications.id, applicationId)));
  if (!app) throw new DomainError("NOT_FOUND");
  const decidedBy = app.decidedByUserId
    ? ((await firstRow(db.select({ email: users.email }).from(users).where(eq(users.id, app.decidedByUserId))))?.email ?? null)
    : null;
  // What the operator must see before confirming a corporate domain nobody proved.
  const corporate =
    app.corporateDomain && app.state === "pending"
      ? {
          domain: app.corporateDomain,
          takenByOrganization: await domainTaken(db, app.cloud, app.corporateDomain),
          claims: await waitingClaims(db, app.cloud, app.corporateDomain, app.id),
        }
      : null;
  return { ...app, decidedBy, corporate, own: isOwnApplication(app, member) };
}

export type PartnerFilters = { q?: string; type?: PartnerType; cloud?: Cloud; state?: PartnerState; page: number };

function organizationFilter(
  kind: "partner" | "customer",
  f: { q?: string; type?: PartnerType; cloud?: Cloud; state?: PartnerState },
): SQL | undefined {
  const term = f.q?.trim();
  return and(
    eq(organizations.kind, kind),
    term
      ? or(
          contains(organizations.name, term),
          contains(organizations.primaryDomain, term),
          kind === "partner" ? eq(organizations.partnerPublicId, term) : undefined,
        )
      : undefined,
    f.type ? eq(organizations.partnerType, f.type) : undefined,
    f.cloud ? eq(organizations.cloud, f.cloud) : undefined,
    f.state ? eq(organizations.partnerState, f.state) : undefined,
  );
}

/** Partners of every cloud, by name, filtered and paged, with how many match. */
export async function listPartners(db: Db, member: Member, f: PartnerFilters) {
  ensurePermitted(member, "operator.console.read");
  const where = organizationFilter("partner", f);
  const rows = await db
    .select()
    .from(organizations)
    .where(where)
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(PAGE_SIZE + 1)
    .offset((f.page - 1) * PAGE_SIZE);
  const total = (await firstRow(db.select({ n: count() }).from(organizations).where(where)))!.n;
  return { ...toPage(rows, f.page), total };
}

/** Customers of every cloud, read only: the operator sees them, it never acts in their tenants. */
export async function listCustomers(db: Db, member: Member, f: { q?: string; cloud?: Cloud; page: number }) {
  ensurePermitted(member, "operator.console.read");
  const where = organizationFilter("customer", f);
  const rows = await db
    .select()
    .from(organizations)
    .where(where)
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(PAGE_SIZE + 1)
    .offset((f.page - 1) * PAGE_SIZE);
  const ids = rows.map((r) => r.id);
  const partners = ids.length
    ? await db
        .select({ customerId: resellerRelationships.customerId, n: count() })
        .from(resellerRelationships)
        .where(and(inArray(resellerRelationships.customerId, ids), eq(resellerRelationships.state, "active")))
        .groupBy(resellerRelationships.customerId)
    : [];
  const partnerCount = new Map(partners.map((p) => [p.customerId, p.n]));
  const total = (await firstRow(db.select({ n: count() }).from(organizations).where(where)))!.n;
  return {
    ...toPage(
      rows.map((r) => ({ ...r, partnerCount: partnerCount.get(r.id) ?? 0 })),
      f.page,
    ),
    total,
  };
}

/** One partner as the operator sees it: who its people are, how many customers and admin relationships in force, its latest activity. */
export async function getPartnerForOperator(db: Db, member: Member, partnerId: string) {
  ensurePermitted(member, "operator.console.read");
  const partner = await firstRow(
    db
      .select()
      .from(organizations)
      .where(and(eq(organizations.id, partnerId), eq(organizations.kind, "partner"))),
  );
  if (!partner) throw new DomainError("NOT_FOUND");
  const members = await db
    .select({ email: users.email, roles: memberships.roles, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, partner.id))
    .orderBy(asc(users.email))
    .limit(200);
  const customers = (await firstRow(
    db
      .select({ n: count() })
      .from(resellerRelationships)
      .where(and(eq(resellerRelationships.partnerId, partner.id), eq(resellerRelationships.state, "active"))),
  ))!.n;
  const adminInForce = (await firstRow(
    db
      .select({ n: count() })
      .from(adminRelationships)
      .where(and(eq(adminRelationships.partnerId, partner.id), inArray(adminRelationships.state, [...IN_FORCE]))),
  ))!.n;
  const activity = await db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actorEmail: auditEvents.actorEmail,
      actorKeyName: auditEvents.actorKeyName,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, partner.id))
    .orderBy(desc(auditEvents.id))
    .limit(20);
  return { partner, members, customers, adminInForce, activity };
}
