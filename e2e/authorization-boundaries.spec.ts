import { expect, test, type APIRequestContext } from "@playwright/test";
import { actionIds, postAction, type Fields } from "./support/actions";
import {
  buildBoundariesWorld,
  COLLEAGUE_ROLE,
  resetColleagues,
  type BoundariesWorld,
  type Kind,
  type Person,
} from "./support/boundaries-world";

/**
 * The boundaries the main matrix does not see (issue 16): inside a tenant (each role acting
 * on itself and on a colleague: role changes, invitations, group joins) and over time
 * (ended, removed, terminated and expired relationships, removed members). The expected
 * outcomes are written here by hand from the rule "nobody grants what they were not given" and the issue, not from the code.
 */

type Outcome = "allowed" | "refused" | "not found" | "nothing";

const TOP: Record<Kind, string> = { partner: "account_admin", customer: "global_admin", operator: "operator_admin" };
/** A role short of the top one, held by whoever grants it: Account admins grant it, and so do the holders themselves. */
const LESSER: Record<Kind, string> = { partner: "user_management_admin", customer: "billing_administrator", operator: "partner_manager" };
/** Who manages people at all (role changes, invitations) in each kind of organization. */
const MANAGES_PEOPLE: Record<Kind, string[]> = {
  partner: ["account_admin", "user_management_admin"],
  customer: ["global_admin"],
  operator: ["operator_admin"],
};

const may = (p: Person, roles: string[]): Outcome => (roles.includes(p.role) ? "allowed" : "refused");
/** A grant: by the top role, or by someone who manages people and holds the role granted (never Account admin, Admin agent, Global administrator, operator admin). */
const grant = (p: Person, role: string): Outcome => {
  if (!MANAGES_PEOPLE[p.kind].includes(p.role)) return "refused";
  if (p.role === TOP[p.kind]) return "allowed";
  return ["account_admin", "admin_agent", "global_admin", "operator_admin"].includes(role) || p.role !== role ? "refused" : "allowed";
};

const both = (a: Outcome, b: Outcome): Outcome => (a === "allowed" && b === "allowed" ? "allowed" : "refused");

type Cell = {
  name: string;
  action: string;
  fields: (w: BoundariesWorld, p: Person) => Fields;
  expect: (p: Person) => Outcome;
  kinds?: Kind[];
};
const email = () => `bnd-${Math.random().toString(36).slice(2)}@example.org`;

const SELF_AND_COLLEAGUES: Cell[] = [
  {
    name: "own roles, raised to the top",
    action: "changeMemberRolesAction",
    fields: (w, p) => ({ organizationId: w.org[p.kind], userId: p.userId, roles: [TOP[p.kind], p.role] }),
    expect: () => "refused",
  },
  {
    name: "own roles, given up",
    action: "changeMemberRolesAction",
    fields: (w, p) => ({ organizationId: w.org[p.kind], userId: p.userId, roles: [COLLEAGUE_ROLE[p.kind]] }),
    expect: () => "refused",
  },
  {
    name: "a colleague, to the top role",
    action: "changeMemberRolesAction",
    fields: (w, p) => ({ organizationId: w.org[p.kind], userId: w.colleague[p.kind], roles: [TOP[p.kind]] }),
    expect: (p) => grant(p, TOP[p.kind]),
  },
  {
    name: "a colleague, to Admin agent",
    kinds: ["partner"],
    action: "changeMemberRolesAction",
    fields: (w, p) => ({ organizationId: w.org[p.kind], userId: w.colleague[p.kind], roles: ["admin_agent"] }),
    expect: (p) => grant(p, "admin_agent"),
  },
  // A change grants the new roles and takes away the old: both must be the changer's to give.
  {
    name: "a colleague, a lesser role instead of theirs",
    action: "changeMemberRolesAction",
    fields: (w, p) => ({ organizationId: w.org[p.kind], userId: w.colleague[p.kind], roles: [LESSER[p.kind]] }),
    expect: (p) => both(grant(p, LESSER[p.kind]), grant(p, COLLEAGUE_ROLE[p.kind])),
  },
  {
    name: "a colleague, a lesser role besides theirs",
    action: "changeMemberRolesAction",
    fields: (w, p) => ({ organizationId: w.org[p.kind], userId: w.colleague[p.kind], roles: [COLLEAGUE_ROLE[p.kind], LESSER[p.kind]] }),
    expect: (p) => grant(p, LESSER[p.kind]),
  },
  {
    name: "an outsider invited to the top role",
    action: "inviteMemberAction",
    fields: (w, p) => ({ organizationId: w.org[p.kind], email: email(), roles: [TOP[p.kind]], locale: "en" }),
    expect: (p) => grant(p, TOP[p.kind]),
  },
  {
    name: "an outsider invited to a lesser role",
    action: "inviteMemberAction",
    fields: (w, p) => ({ organizationId: w.org[p.kind], email: email(), roles: [LESSER[p.kind]], locale: "en" }),
    expect: (p) => grant(p, LESSER[p.kind]),
  },
  {
    name: "oneself into a group holding customer roles",
    kinds: ["partner"],
    action: "addGroupMemberAction",
    fields: (w, p) => ({ partnerId: w.org.partner, groupId: w.privilegedGroup, userId: p.userId }),
    expect: (p) => may(p, ["account_admin"]),
  },
  {
    name: "a colleague into a group holding customer roles",
    kinds: ["partner"],
    action: "addGroupMemberAction",
    fields: (w) => ({ partnerId: w.org.partner, groupId: w.privilegedGroup, userId: w.colleague.partner }),
    expect: (p) => may(p, ["account_admin"]),
  },
];

const REFUSALS = new Set(["FORBIDDEN", "OWN_ROLES", "CANNOT_GRANT", "GROUP_NEEDS_TOP_ADMIN"]);

async function call(request: APIRequestContext, id: string, fields: Fields, cookie: string, strict: boolean): Promise<string> {
  const res = await postAction(request, id, fields, { cookie });
  expect(res.status, res.body.slice(0, 300)).toBe(200);
  if (res.serverError) throw new Error(`server error: ${res.body.slice(0, 300)}`);
  if (res.redirect || !res.result || res.result.ok) return "allowed";
  const code = res.result.code ?? "";
  // Over time, the refusal's reason too: a refusal for another reason would hide a broken check.
  if (!strict) return `nothing: ${code}`;
  if (REFUSALS.has(code)) return "refused";
  return code === "NOT_FOUND" ? "not found" : `failed with ${code}`;
}

test.describe("authorization boundaries: inside a tenant and over time", () => {
  test("every role on itself and on a colleague; every holder of something ended", async ({ request }) => {
    test.setTimeout(240_000);
    const w = buildBoundariesWorld();
    const ids = actionIds();
    const id = (name: string) =>
      ids.get(name) ??
      (() => {
        throw new Error(`${name} is not in the build`);
      })();
    const failures: string[] = [];
    const cells: Record<string, number> = {};
    const check = (dimension: string, label: string, got: string, want: string) => {
      cells[dimension] = (cells[dimension] ?? 0) + 1;
      if (got !== want) failures.push(`${dimension} / ${label}: expected ${want}, got ${got}`);
    };

    for (const cell of SELF_AND_COLLEAGUES) {
      for (const p of w.people.filter((x) => !cell.kinds || cell.kinds.includes(x.kind))) {
        resetColleagues(w);
        check(
          "self and colleagues",
          `${cell.name} / ${p.key}`,
          await call(request, id(cell.action), cell.fields(w, p), p.cookie, true),
          cell.expect(p),
        );
      }
    }
    resetColleagues(w);

    // A member removed from the partner: the session lives on, the organization is gone for them.
    const agent = w.people.find((p) => p.key === "partner admin_agent")!;
    const removedTries: [string, string, Fields][] = [
      [
        "changes a colleague's roles",
        "changeMemberRolesAction",
        { organizationId: w.org.partner, userId: w.colleague.partner, roles: ["sales_agent"] },
      ],
      ["invites a customer", "inviteCustomerAction", { partnerId: w.org.partner, email: email(), locale: "en" }],
      ["joins a privileged group", "addGroupMemberAction", { partnerId: w.org.partner, groupId: w.privilegedGroup, userId: agent.userId }],
    ];
    for (const [label, action, fields] of removedTries) {
      check("removed member", label, await call(request, id(action), fields, w.removedMember, true), "not found");
    }
    for (const path of ["/customers", `/customers/${w.org.customer}`, "/team"]) {
      const res = await request.get(`/partner/${w.org.partner}${path}`, { headers: { cookie: w.removedMember }, maxRedirects: 0 });
      check("removed member", `page ${path}`, String(res.status()), "404");
    }

    // Admin relationships that ended (terminated, expired) give the partner nothing to assign.
    for (const [label, rel] of [
      ["terminated", w.terminatedAdminRelationship],
      ["expired", w.expiredAdminRelationship],
    ] as const) {
      const fields = { partnerId: w.org.partner, relationshipId: rel, groupId: w.privilegedGroup, roles: ["global_reader"] };
      check(
        `${label} admin relationship`,
        "access assignment",
        await call(request, id("createAccessAssignmentAction"), fields, agent.cookie, false),
        "nothing: INVALID_TRANSITION",
      );
      const ga = w.people.find((p) => p.key === "customer global_admin")!;
      check(
        `${label} admin relationship`,
        "approved again",
        await call(
          request,
          id("approveAdminRelationshipAction"),
          { organizationId: w.org.customer, relationshipId: rel },
          ga.cookie,
          false,
        ),
        "nothing: INVALID_TRANSITION",
      );
    }

    // The customer removes a partner (its own page action), which had a request pending.
    const ga = w.people.find((p) => p.key === "customer global_admin")!;
    const pending = await call(
      request,
      id("requestAdminRelationshipAction"),
      {
        partnerId: w.removed.partner,
        customerId: w.org.customer,
        name: `Pending ${Date.now()}`,
        durationDays: "30",
        roles: ["global_reader"],
      },
      w.removed.cookie,
      true,
    );
    expect(pending, "the partner could ask while it worked with the customer").toBe("allowed");
    expect(
      await call(
        request,
        id("removePartnerAction"),
        { customerId: w.org.customer, partnerId: w.removed.partner, scope: "everything" },
        ga.cookie,
        true,
      ),
    ).toBe("allowed");

    for (const [dimension, ex] of [
      ["ended relationship", w.ended],
      ["removed relationship", w.removed],
    ] as const) {
      const tries: [string, string, Fields][] = [
        [
          "asks for admin roles",
          "requestAdminRelationshipAction",
          { partnerId: ex.partner, customerId: w.org.customer, name: `After ${Date.now()}`, durationDays: "30", roles: ["global_reader"] },
        ],
        [
          "sells a subscription",
          "createSubscriptionAction",
          { partnerId: ex.partner, customerId: w.org.customer, productId: w.offeredProduct, seats: "5", term: "P1Y" },
        ],
      ];
      for (const [label, action, fields] of tries)
        check(dimension, label, await call(request, id(action), fields, ex.cookie, false), "nothing: NOT_FOUND");
      // Its page of the customer renders its own history and none of the customer's live data.
      const res = await request.get(`/partner/${ex.partner}/customers/${w.org.customer}`, {
        headers: { cookie: ex.cookie },
        maxRedirects: 0,
      });
      check(dimension, "customer page renders", String(res.status()), "200");
      const html = await res.text();
      check(dimension, "customer page names the customer", String(html.includes("Adventure Works Cycles")), "true");
      // Enough live data that hiding it means something (a seed change could leave none).
      expect(w.liveDataOfCustomer.length).toBeGreaterThan(3);
      for (const live of w.liveDataOfCustomer) check(dimension, `customer page hides "${live}"`, String(html.includes(live)), "false");
    }
    // The request pending at the removal ended with it: approving it now gives nothing.
    const stale = await request.get(`/customer/${w.org.customer}`, { headers: { cookie: ga.cookie } });
    check(
      "removed relationship",
      "its pending request is gone from the customer's page",
      String((await stale.text()).includes("Boundary Removed Ltd asks for")),
      "false",
    );

    const total = Object.values(cells).reduce((a, b) => a + b, 0);
    console.log(
      `authorization boundaries: ${total} cells: ${Object.entries(cells)
        .map(([d, n]) => `${d} ${n}`)
        .join(", ")}`,
    );
    expect(failures).toEqual([]);
  });
});
