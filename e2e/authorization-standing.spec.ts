import { expect, test } from "@playwright/test";
import { actionIds, postAction, type Fields } from "./support/actions";
import { buildStandingWorld, STANDINGS, standingFingerprint, type Standing, type StandingWorld } from "./support/standing-world";

/*
 * The authorization matrix's standing dimension, over HTTP: every operation through which a
 * partner gains or reaches out, with that partner suspended or offboarded, on each side it
 * can be on: the one that sent it, the provider it names, the reseller it goes to, the
 * organization someone joins. The person acting holds every right the operation needs and the
 * link is theirs, so the standing alone can refuse; the refusal must name it, and nothing may
 * change (no relationship, partnership, membership, admin role, invitation or email).
 */

type Cell = {
  action: string;
  side: string;
  cookie: (w: StandingWorld, s: Standing) => string;
  fields: (w: StandingWorld, s: Standing) => Fields;
};

const CELLS: Cell[] = [
  // Answering what a partner out of standing sent.
  {
    action: "acceptInvitationAction",
    side: "the customer accepts an invitation the partner sent",
    cookie: (w) => w.cookies.customerAdmin,
    fields: (w, s) => ({ token: w.fromPartner[s], target: "existing", customerId: w.customer, agreement: "on" }),
  },
  {
    action: "acceptInvitationAction",
    side: "the customer accepts a reseller's invitation naming the provider",
    cookie: (w) => w.cookies.customerAdmin,
    fields: (w, s) => ({ token: w.namingProvider[s], target: "existing", customerId: w.customer, agreement: "on" }),
  },
  {
    action: "authorizePartnershipAction",
    side: "a reseller authorizes the provider's partnership invitation",
    cookie: (w) => w.cookies.otherReseller,
    fields: (w, s) => ({ token: w.fromProvider[s] }),
  },
  {
    action: "authorizePartnershipAction",
    side: "the reseller itself authorizes a partnership invitation sent to it",
    cookie: (w, s) => w.cookies.reseller[s],
    fields: (w, s) => ({ token: w.toReseller[s] }),
  },
  {
    action: "acceptMemberInvitationAction",
    side: "someone joins the partner's team from its invitation",
    cookie: (w) => w.cookies.joiner,
    fields: (w, s) => ({ token: w.joinPartner[s] }),
  },
  {
    action: "approveAdminRelationshipAction",
    side: "the customer approves the partner's request for admin roles",
    cookie: (w) => w.cookies.customerAdmin,
    fields: (w, s) => ({ organizationId: w.customer, relationshipId: w.request[s] }),
  },
  // Sending in its name, or naming it.
  {
    action: "inviteCustomerAction",
    side: "a reseller in good standing names the provider in a new invitation",
    cookie: (w) => w.cookies.goodReseller,
    fields: (w, s) => ({
      partnerId: w.goodReseller,
      email: `std-${s}-${Date.now()}@new-customer.example`,
      locale: "en",
      providerId: w.provider[s],
    }),
  },
  {
    action: "resendInvitationAction",
    side: "a reseller in good standing resends an invitation naming the provider",
    cookie: (w) => w.cookies.goodReseller,
    fields: (w, s) => ({ partnerId: w.goodReseller, invitationId: w.namingInvitation[s] }),
  },
  {
    action: "invitePartnershipAction",
    side: "a provider in good standing invites the reseller to a partnership",
    cookie: (w) => w.cookies.goodProvider,
    fields: (w, s) => ({
      providerId: w.goodProvider,
      email: `std-${s}@reseller.example`,
      resellerPartnerId: w.resellerPublicId[s],
      locale: "en",
    }),
  },
  {
    action: "inviteMemberAction",
    side: "the partner's own Account admin invites a colleague",
    cookie: (w, s) => w.cookies.partner[s],
    fields: (w, s) => ({
      organizationId: w.partner[s],
      email: `std-colleague-${s}@anywhere.example`,
      roles: ["sales_agent"],
      locale: "en",
    }),
  },
];

const CODE: Record<Standing, string> = { suspended: "PARTNER_SUSPENDED", offboarded: "PARTNER_OFFBOARDED" };

test.describe("authorization matrix: standing", () => {
  test("every way a partner out of standing would gain or reach out is refused, naming its standing, and changes nothing", async ({
    request,
  }) => {
    const world = buildStandingWorld();
    const ids = actionIds();
    const failures: string[] = [];
    let cells = 0;
    for (const cell of CELLS) {
      for (const standing of STANDINGS) {
        const id = ids.get(cell.action);
        expect(id, `${cell.action} is not in the build's server-reference manifest`).toBeTruthy();
        const fields = cell.fields(world, standing);
        const before = standingFingerprint();
        const res = await postAction(request, id!, fields, { cookie: cell.cookie(world, standing) });
        cells++;
        const got = res.redirect || res.result?.ok ? "allowed" : (res.result?.code ?? `status ${res.status}`);
        if (got !== CODE[standing]) failures.push(`${cell.action}, ${cell.side}, ${standing}: expected ${CODE[standing]}, got ${got}`);
        if (standingFingerprint() !== before) failures.push(`${cell.action}, ${cell.side}, ${standing}: something changed`);
      }
    }
    console.log(`authorization matrix, standing: ${cells} cells (${CELLS.length} ways × ${STANDINGS.length} standings), each refused`);
    expect(failures).toEqual([]);
  });
});
