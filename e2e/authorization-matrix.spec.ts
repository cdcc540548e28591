import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { actionIds, exportedActions, pageRoutes, postAction, type Fields } from "./support/actions";
import { buildWorld, PERSONAS, restoreWorld, type Persona, type Tenant, type World } from "./support/matrix-world";
import { anyone, CUSTOMER_ADMIN, expected, PAGES, partnerSide, SELLS, type Column, type Outcome } from "./support/matrix-rules";

/**
 * Every server action and every page, for every persona, against the persona's own
 * tenant's object and another tenant's object: allowed, refused, not found, or "sign in".
 * The tables are written by hand from the program's rules and the issues (not derived from the code
 * under test), and the test fails when an exported action or a page is missing from them.
 */

/** A partner the program suspended or offboarded: it acts on its own organization and is refused there. */
const outOfStanding = (p: Persona) => p.org === "PS" || p.org === "PX";
const OPERATOR_DECIDES = ["operator_admin", "partner_manager"];

type ActionRow = {
  /** Plain form actions take the form alone; useActionState actions take (previous state, form). */
  formOnly?: boolean;
  /** Fields for each column; the persona decides which side's tenant is addressed where an action serves both. */
  fields: (w: World, p: Persona, c: Column) => Fields;
  expect: (p: Persona, c: Column) => Outcome;
};

const onPartner = (roles: string[]) => (p: Persona, c: Column) => expected(p, "P", roles, c === "foreign");
const onCustomer = (roles: string[]) => (p: Persona, c: Column) => expected(p, "C", roles, c === "foreign");
const eitherSide = (partnerRoles: string[], customerRoles: string[]) => (p: Persona, c: Column) =>
  partnerSide(p) ? expected(p, "P", partnerRoles, c === "foreign") : expected(p, "C", customerRoles, c === "foreign");
const byToken = (p: Persona, c: Column): Outcome => (!p.org ? "sign in" : c === "own" ? "refused" : "not found");
const orgOf = (w: World, p: Persona) => (partnerSide(p) ? w.P : w.C);
/** The partner an outreach action names in its own column: the persona's own when it is out of standing, else Northwind. */
const reachingOut = (w: World, p: Persona, c: Column) => (outOfStanding(p) && c === "own" ? w[p.org as "PS" | "PX"] : w.P);
/** Outreach (inviting, asking for roles, selling): refused on its own organization to a partner out of standing. */
const standing =
  (rule: (p: Persona, c: Column) => Outcome) =>
  (p: Persona, c: Column): Outcome =>
    outOfStanding(p) ? (c === "own" ? "refused" : "not found") : rule(p, c);
const onOperator = (roles: string[]) => (p: Persona, c: Column) => expected(p, "O", roles, c === "foreign");
const signedInAnyone = (p: Persona): Outcome => (p.org ? "allowed" : "sign in");

const ACTIONS: Record<string, ActionRow> = {
  inviteCustomerAction: {
    fields: (w, p, c) => ({
      partnerId: c === "own" ? reachingOut(w, p, c) : w.P2,
      email: `matrix-${Math.random().toString(36).slice(2)}@example.org`,
      locale: "en",
    }),
    expect: standing((p, c) =>
      c === "own"
        ? expected(p, "P", ["account_admin", "admin_agent", "sales_agent"], false)
        : !p.org
          ? "sign in"
          : p.org === "P2"
            ? "allowed"
            : "not found",
    ),
  },
  resendInvitationAction: {
    fields: (w, _p, c) => ({ partnerId: w.P, invitationId: c === "own" ? w.invitationP : w.invitationP2 }),
    expect: onPartner(["account_admin", "admin_agent", "sales_agent"]),
  },
  revokeInvitationAction: {
    fields: (w, _p, c) => ({ partnerId: w.P, invitationId: c === "own" ? w.invitationP : w.invitationP2 }),
    expect: onPartner(["account_admin", "admin_agent", "sales_agent"]),
  },
  acceptInvitationAction: {
    fields: (w, _p, c) => ({
      token: c === "own" ? w.openToken : "x".repeat(43),
      target: "new",
      name: "Matrix Co",
      primaryDomain: "matrix.example",
      country: "US",
      agreement: "on",
    }),
    expect: byToken,
  },
  declineInvitationAction: { fields: (w, _p, c) => ({ token: c === "own" ? w.openToken : "x".repeat(43) }), expect: byToken },
  requestAdminRelationshipAction: {
    fields: (w, p, c) => ({
      partnerId: reachingOut(w, p, c),
      customerId: c === "own" ? w.C : w.C2,
      name: `Matrix ${Math.random().toString(36).slice(2)}`,
      durationDays: "30",
      roles: ["global_reader"],
    }),
    expect: standing(onPartner(["admin_agent"])),
  },
  approveAdminRelationshipAction: {
    fields: (w, _p, c) => ({ organizationId: w.C, relationshipId: c === "own" ? w.relTerminatedPC : w.relTerminatedC2 }),
    expect: onCustomer(CUSTOMER_ADMIN),
  },
  rejectAdminRelationshipAction: {
    fields: (w, _p, c) => ({ organizationId: w.C, relationshipId: c === "own" ? w.relTerminatedPC : w.relTerminatedC2 }),
    expect: onCustomer(CUSTOMER_ADMIN),
  },
  terminateAdminRelationshipAction: {
    fields: (w, p, c) => ({
      organizationId: orgOf(w, p),
      relationshipId: c === "own" ? w.relTerminatedPC : partnerSide(p) ? w.relOtherPartnerC : w.relTerminatedC2,
    }),
    expect: eitherSide(["admin_agent"], CUSTOMER_ADMIN),
  },
  createAccessAssignmentAction: {
    fields: (w, _p, c) => ({
      partnerId: w.P,
      relationshipId: c === "own" ? w.relTerminatedPC : w.relOtherPartnerC,
      groupId: w.groupP,
      roles: ["global_reader"],
    }),
    expect: onPartner(["admin_agent"]),
  },
  // Templates are an Admin agent's; asking a customer from one is outreach, like any request.
  createAdminTemplateAction: {
    fields: (w, _p, c) => ({
      partnerId: c === "own" ? w.P : w.P2,
      name: `Matrix ${Math.random().toString(36).slice(2)}`,
      durationDays: "30",
      roles: "global_reader",
    }),
    expect: (p, c) =>
      c === "own" ? expected(p, "P", ["admin_agent"], false) : !p.org ? "sign in" : p.org === "P2" ? "allowed" : "not found",
  },
  updateAdminTemplateAction: {
    fields: (w, _p, c) => ({
      partnerId: w.P,
      templateId: c === "own" ? w.templateP : w.templateP2,
      name: "Matrix p",
      durationDays: "60",
      roles: "global_reader",
    }),
    expect: onPartner(["admin_agent"]),
  },
  deleteAdminTemplateAction: {
    fields: (w, _p, c) => ({ partnerId: w.P, templateId: c === "own" ? w.templateP : w.templateP2 }),
    expect: onPartner(["admin_agent"]),
  },
  requestFromTemplateAction: {
    fields: (w, p, c) => ({
      partnerId: reachingOut(w, p, c),
      customerId: c === "own" ? w.C : w.C2,
      templateId: w.templateP,
      name: `Matrix ${Math.random().toString(36).slice(2)}`,
    }),
    expect: standing(onPartner(["admin_agent"])),
  },
  removeAccessAssignmentAction: {
    fields: (w, _p, c) => ({ partnerId: w.P, assignmentId: c === "own" ? w.assignmentP : w.assignmentP2 }),
    expect: onPartner(["admin_agent"]),
  },
  updateAccessAssignmentAction: {
    fields: (w, _p, c) => ({ partnerId: w.P, assignmentId: c === "own" ? w.assignmentP : w.assignmentP2, roles: ["global_reader"] }),
    expect: onPartner(["admin_agent"]),
  },
  // Keys are made by Account admins, within what they hold; a partner out of standing makes none.
  createApiKeyAction: {
    fields: (w, p, c) => ({
      organizationId: c === "own" ? reachingOut(w, p, c) : w.P2,
      name: "Matrix key",
      expiresInDays: "30",
      scopes: "invitations.read",
    }),
    expect: standing((p, c) =>
      c === "own" ? expected(p, "P", ["account_admin"], false) : !p.org ? "sign in" : p.org === "P2" ? "allowed" : "not found",
    ),
  },
  revokeApiKeyAction: {
    fields: (w, _p, c) => ({ organizationId: w.P, keyId: c === "own" ? w.keyP : w.keyP2 }),
    expect: onPartner(["account_admin"]),
  },
  // Webhook endpoints are an Account admin's; they reach the partner's own systems, not its customers, so standing does not matter.
  createWebhookEndpointAction: {
    fields: (w, _p, c) => ({
      organizationId: c === "own" ? w.P : w.P2,
      url: "http://127.0.0.1:9/matrix-new",
      eventTypes: "invitation-sent",
    }),
    expect: (p, c) =>
      c === "own" ? expected(p, "P", ["account_admin"], false) : !p.org ? "sign in" : p.org === "P2" ? "allowed" : "not found",
  },
  updateWebhookEndpointAction: {
    fields: (w, _p, c) => ({
      organizationId: w.P,
      endpointId: c === "own" ? w.webhookP : w.webhookP2,
      url: "http://127.0.0.1:9/matrix",
      eventTypes: "invitation-sent",
      enabled: "on",
    }),
    expect: onPartner(["account_admin"]),
  },
  deleteWebhookEndpointAction: {
    fields: (w, _p, c) => ({ organizationId: w.P, endpointId: c === "own" ? w.webhookP : w.webhookP2 }),
    expect: onPartner(["account_admin"]),
  },
  rotateWebhookSecretAction: {
    fields: (w, _p, c) => ({ organizationId: w.P, endpointId: c === "own" ? w.webhookP : w.webhookP2 }),
    expect: onPartner(["account_admin"]),
  },
  sendTestWebhookAction: {
    fields: (w, _p, c) => ({ organizationId: w.P, endpointId: c === "own" ? w.webhookP : w.webhookP2 }),
    expect: onPartner(["account_admin"]),
  },
  replayWebhooksAction: {
    fields: (w, _p, c) => ({ organizationId: w.P, endpointId: c === "own" ? w.webhookP : w.webhookP2, since: "2026-01-01T00:00:00Z" }),
    expect: onPartner(["account_admin"]),
  },
  redeliverWebhookAction: {
    fields: (w, _p, c) => ({ organizationId: w.P, deliveryId: c === "own" ? w.deliveryP : w.deliveryP2 }),
    expect: onPartner(["account_admin"]),
  },
  addGroupMemberAction: {
    fields: (w, _p, c) => ({ partnerId: w.P, groupId: c === "own" ? w.groupP : w.groupP2, userId: w.dummyP }),
    expect: onPartner(["account_admin", "user_management_admin"]),
  },
  removeGroupMemberAction: {
    fields: (w, _p, c) => ({ partnerId: w.P, groupId: c === "own" ? w.groupP : w.groupP2, userId: w.dummyP }),
    expect: onPartner(["account_admin", "user_management_admin"]),
  },
  // An invitation is an email to anyone: a partner out of standing sends none, not even to a colleague.
  inviteMemberAction: {
    fields: (w, p, c) => ({
      organizationId: c === "own" ? (outOfStanding(p) ? reachingOut(w, p, c) : orgOf(w, p)) : partnerSide(p) ? w.P2 : w.C2,
      email: `matrix-${Math.random().toString(36).slice(2)}@example.org`,
      roles: partnerSide(p) ? ["sales_agent"] : ["user"],
      locale: "en",
    }),
    expect: standing((p, c) => {
      const tenant: Tenant = c === "own" ? (partnerSide(p) ? "P" : "C") : partnerSide(p) ? "P2" : "C2";
      return expected(p, tenant, tenant.startsWith("P") ? ["account_admin", "user_management_admin"] : CUSTOMER_ADMIN, false);
    }),
  },
  changeMemberRolesAction: {
    fields: (w, p, c) => ({
      organizationId: orgOf(w, p),
      userId: c === "own" ? (partnerSide(p) ? w.dummyP : w.dummyC) : partnerSide(p) ? w.userP2 : w.userC2,
      roles: partnerSide(p) ? ["sales_agent"] : ["user"],
    }),
    expect: eitherSide(["account_admin", "user_management_admin"], CUSTOMER_ADMIN),
  },
  renameOrganizationAction: {
    // Renamed to the name it has: an allowed call succeeds and changes nothing the next cell sees.
    fields: (w, p, c) => {
      const organizationId = c === "own" ? orgOf(w, p) : partnerSide(p) ? w.P2 : w.C2;
      return { organizationId, name: w.orgNames[organizationId] };
    },
    // The other column is another tenant's organization (the action's only object is the organization itself).
    expect: (p, c) => {
      const tenant: Tenant = c === "own" ? (partnerSide(p) ? "P" : "C") : partnerSide(p) ? "P2" : "C2";
      return expected(p, tenant, tenant.startsWith("P") ? ["account_admin"] : CUSTOMER_ADMIN, false);
    },
  },
  removeMemberAction: {
    fields: (w, p, c) => ({
      organizationId: orgOf(w, p),
      userId: c === "own" ? (partnerSide(p) ? w.dummyP : w.dummyC) : partnerSide(p) ? w.userP2 : w.userC2,
    }),
    expect: eitherSide(["account_admin", "user_management_admin"], CUSTOMER_ADMIN),
  },
  revokeMemberInvitationAction: {
    fields: (w, p, c) => ({
      organizationId: orgOf(w, p),
      invitationId: c === "own" ? (partnerSide(p) ? w.memberInvP : w.memberInvC) : partnerSide(p) ? w.memberInvP2 : w.memberInvC2,
    }),
    expect: eitherSide(["account_admin", "user_management_admin"], CUSTOMER_ADMIN),
  },
  removeCustomerAction: {
    // Northwind is partner of record of active subscriptions of C: an allowed call is refused by that rule, and nothing changes.
    fields: (w, _p, c) => ({
      partnerId: w.P,
      customerId: c === "own" ? w.C : w.C2,
      attestation: "The customer asked us to end the relationship.",
    }),
    expect: onPartner(["account_admin", "admin_agent"]),
  },
  removePartnerAction: {
    fields: (w, _p, c) => ({ customerId: w.C, partnerId: c === "own" ? w.disposablePartner : w.litware, scope: "everything" }),
    expect: onCustomer(CUSTOMER_ADMIN),
  },
  // Northwind is a direct partner: an authorized invitation is refused after authorization (not a provider).
  invitePartnershipAction: {
    fields: (w, p, c) => ({
      providerId: c === "own" ? reachingOut(w, p, c) : w.P2,
      email: "nobody-matrix@example.org",
      resellerPartnerId: "9999003",
      locale: "en",
    }),
    expect: standing((p, c) =>
      c === "own" ? expected(p, "P", ["account_admin"], false) : !p.org ? "sign in" : p.org === "P2" ? "allowed" : "not found",
    ),
  },
  authorizePartnershipAction: { fields: (w, _p, c) => ({ token: c === "own" ? w.openPartnershipToken : "x".repeat(43) }), expect: byToken },
  declinePartnershipAction: { fields: (w, _p, c) => ({ token: c === "own" ? w.openPartnershipToken : "x".repeat(43) }), expect: byToken },
  revokePartnershipInvitationAction: {
    fields: (w, _p, c) => ({ organizationId: w.P, partnershipId: c === "own" ? w.partnershipP : w.partnershipOther }),
    expect: onPartner(["account_admin"]),
  },
  endPartnershipAction: {
    fields: (w, _p, c) => ({ organizationId: w.P, partnershipId: c === "own" ? w.partnershipP : w.partnershipOther }),
    expect: onPartner(["account_admin"]),
  },
  // The disposable partner holds no admin roles in C: an authorized assignment is refused after authorization.
  assignSupportAction: {
    fields: (w, _p, c) => ({
      customerId: w.C,
      subscriptionId: c === "own" ? w.subscriptionC : w.subscriptionC2,
      partnerId: w.disposablePartner,
    }),
    expect: onCustomer(CUSTOMER_ADMIN),
  },
  endSupportAction: {
    fields: (w, _p, c) => ({ customerId: w.C, assignmentId: c === "own" ? w.supportC : w.supportC2 }),
    expect: onCustomer(CUSTOMER_ADMIN),
  },
  recordSupportActionAction: {
    fields: (w, _p, c) => ({ partnerId: w.P, assignmentId: c === "own" ? w.supportC : w.supportC2, note: "Matrix support note" }),
    expect: onPartner(["account_admin", "admin_agent", "helpdesk_agent"]),
  },
  acceptMemberInvitationAction: { fields: (w, _p, c) => ({ token: c === "own" ? w.openMemberToken : "x".repeat(43) }), expect: byToken },
  declineMemberInvitationAction: { fields: (w, _p, c) => ({ token: c === "own" ? w.openMemberToken : "x".repeat(43) }), expect: byToken },
  // Enrollment: anyone signed in may apply (a taken domain or a pending one fails after that); only the applicant withdraws.
  applyAction: {
    fields: (_w, p) => ({
      companyName: "Matrix Applicant",
      primaryDomain: p.email.split("@")[1] ?? "nobody.example",
      country: "US",
      cloud: "global",
      partnerType: "direct",
      agreement: "on",
      agreementVersion: "2026-10",
      locale: "en",
    }),
    expect: signedInAnyone,
  },
  withdrawApplicationAction: {
    fields: (w, _p, c) => ({ applicationId: c === "own" ? w.applicantApplication : w.otherApplication }),
    expect: (p, c) => (!p.org ? "sign in" : p.org === "A" && c === "own" ? "allowed" : "not found"),
  },
  // The operator: decided applications, an offboarded partner and a product in use, so an authorized call fails after authorization.
  approveApplicationAction: {
    fields: (w, _p, c) => ({ applicationId: c === "own" ? w.decidedApplication : "app_matrix_nonexistent", cspTransactionTenant: "on" }),
    expect: onOperator(OPERATOR_DECIDES),
  },
  rejectApplicationAction: {
    fields: (w, _p, c) => ({ applicationId: c === "own" ? w.decidedApplication : "app_matrix_nonexistent", reason: "Matrix says no." }),
    expect: onOperator(OPERATOR_DECIDES),
  },
  suspendPartnerAction: {
    fields: (w, _p, c) => ({ partnerId: c === "own" ? w.PX : w.C, reason: "Matrix suspension." }),
    expect: onOperator(OPERATOR_DECIDES),
  },
  reinstatePartnerAction: {
    fields: (w, _p, c) => ({ partnerId: c === "own" ? w.PX : w.C, reason: "Matrix reinstatement." }),
    expect: onOperator(OPERATOR_DECIDES),
  },
  offboardPartnerAction: {
    fields: (w, _p, c) => ({ partnerId: c === "own" ? w.PX : w.C, reason: "Matrix offboarding.", confirmName: "Offboarded Partner Ltd" }),
    expect: onOperator(OPERATOR_DECIDES),
  },
  addProductAction: {
    fields: (w) => ({ cloud: "global", name: w.productRetiredName }),
    expect: (p) => expected(p, "O", ["operator_admin"], false),
  },
  changeProductAction: {
    fields: (w, _p, c) => ({ productId: c === "own" ? w.productRetired : "prd_matrix_nonexistent", name: w.productRetiredName }),
    expect: onOperator(["operator_admin"]),
  },
  removeProductAction: {
    fields: (w, _p, c) => ({ productId: c === "own" ? w.productInUse : "prd_matrix_nonexistent" }),
    expect: onOperator(["operator_admin"]),
  },
  // Subscriptions: a retired product and cancelled subscriptions, so an authorized call fails after authorization.
  createSubscriptionAction: {
    fields: (w, p, c) => ({
      partnerId: reachingOut(w, p, c),
      customerId: c === "own" ? w.C : w.C2,
      productId: w.productRetired,
      seats: "5",
      term: "P1Y",
    }),
    expect: standing(onPartner(SELLS)),
  },
  recordSubscriptionAction: {
    fields: (w) => ({ customerId: w.C, productId: w.productRetired, seats: "5", channel: "direct", termEndsAt: "2030-01-01" }),
    expect: (p) => expected(p, "C", CUSTOMER_ADMIN, false),
  },
  changeSeatsAction: {
    fields: (w, p, c) => ({
      organizationId: orgOf(w, p),
      subscriptionId: c === "own" ? (partnerSide(p) ? w.cancelledByP : w.cancelledByC) : partnerSide(p) ? w.soldByP2 : w.subscriptionC2,
      seats: "7",
    }),
    expect: eitherSide(SELLS, CUSTOMER_ADMIN),
  },
  suspendSubscriptionAction: {
    fields: (w, p, c) => ({
      organizationId: orgOf(w, p),
      subscriptionId: c === "own" ? (partnerSide(p) ? w.cancelledByP : w.cancelledByC) : partnerSide(p) ? w.soldByP2 : w.subscriptionC2,
    }),
    expect: eitherSide(SELLS, CUSTOMER_ADMIN),
  },
  reactivateSubscriptionAction: {
    fields: (w, p, c) => ({
      organizationId: orgOf(w, p),
      subscriptionId: c === "own" ? (partnerSide(p) ? w.cancelledByP : w.cancelledByC) : partnerSide(p) ? w.soldByP2 : w.subscriptionC2,
    }),
    expect: eitherSide(SELLS, CUSTOMER_ADMIN),
  },
  cancelSubscriptionAction: {
    fields: (w, p, c) => ({
      organizationId: orgOf(w, p),
      subscriptionId: c === "own" ? (partnerSide(p) ? w.cancelledByP : w.cancelledByC) : partnerSide(p) ? w.soldByP2 : w.subscriptionC2,
    }),
    expect: eitherSide(SELLS, CUSTOMER_ADMIN),
  },
  // A dry run writes nothing.
  importSubscriptionsAction: {
    fields: (w, p, c) => ({
      partnerId: c === "own" ? reachingOut(w, p, c) : w.P2,
      csv: "customer_domain,product,seats,term_ends\nnobody.example,Matrix Product,1,2030-01-01",
      mode: "dry-run",
    }),
    expect: standing((p, c) =>
      c === "own" ? expected(p, "P", SELLS, false) : !p.org ? "sign in" : p.org === "P2" ? "allowed" : "not found",
    ),
  },
  // Public: they touch no tenant's data.
  setLocaleAction: { formOnly: true, fields: () => ({ locale: "en" }), expect: anyone },
  signInAction: { fields: () => ({ email: "matrix-signin@example.org", redirectTo: "/" }), expect: anyone },
  signOutAction: { formOnly: true, fields: () => ({ redirectTo: "/" }), expect: anyone },
};

// ---- calling ----

function cookieFor(w: World, p: Persona): string {
  return p.org ? w.sessions[p.key] : "";
}

async function callAction(request: APIRequestContext, id: string, fields: Fields, cookie: string, formOnly = false): Promise<Outcome> {
  const res = await postAction(request, id, fields, { cookie, formOnly });
  expect(res.status, res.body.slice(0, 300)).toBe(200);
  if (res.serverError) throw new Error(`server error: ${res.body.slice(0, 300)}`);
  if (res.redirect || !res.result || res.result.ok) return "allowed";
  const code = res.result.code;
  if (code === "UNEXPECTED") throw new Error(`unexpected failure: ${res.body.slice(0, 300)}`);
  if (code === "UNAUTHENTICATED") return "sign in";
  if (code === "FORBIDDEN" || code === "WRONG_ACCOUNT" || code === "PARTNER_SUSPENDED" || code === "PARTNER_OFFBOARDED") return "refused";
  if (code === "NOT_FOUND" || code === "INVITATION_INVALID") return "not found";
  return "allowed"; // failed for a reason after authorization (already revoked, terminated, …)
}

async function outcomeOfPage(res: APIResponse): Promise<Outcome> {
  const status = res.status();
  if (status >= 300 && status < 400) return /\/signin/.test(res.headers()["location"] ?? "") ? "sign in" : "allowed";
  if (status === 404) return "not found";
  expect(status).toBe(200);
  return (await res.text()).includes('data-authz="refused"') ? "refused" : "allowed";
}

test.describe("authorization matrix", () => {
  test("every exported server action and every page has a row", () => {
    const actions = exportedActions();
    expect(
      [...actions.keys()].filter((a) => !(a in ACTIONS)),
      "actions missing from the matrix",
    ).toEqual([]);
    expect(
      Object.keys(ACTIONS).filter((a) => !actions.has(a)),
      "matrix rows for actions that no longer exist",
    ).toEqual([]);
    const pages = pageRoutes();
    expect(
      pages.filter((r) => !(r in PAGES)),
      "pages missing from the matrix",
    ).toEqual([]);
    expect(
      Object.keys(PAGES).filter((r) => !pages.includes(r)),
      "matrix rows for pages that no longer exist",
    ).toEqual([]);
  });

  test("every cell: persona × entry point × own or another tenant's object", async ({ request }) => {
    test.setTimeout(480_000);
    const world = buildWorld();
    const ids = actionIds();
    const failures: string[] = [];
    const tally: Record<Outcome, number> = { allowed: 0, refused: 0, "not found": 0, "sign in": 0 };
    let cells = 0;
    for (const [name, row] of Object.entries(ACTIONS)) {
      const id = ids.get(name);
      expect(id, `${name} is not in the build's server-reference manifest`).toBeTruthy();
      for (const persona of PERSONAS) {
        for (const column of ["own", "foreign"] as const) {
          restoreWorld(world);
          let cookie = cookieFor(world, persona);
          // Signing out would delete the persona's session that the page cells below still need.
          if (name === "signOutAction" && persona.org)
            cookie = cookieFor({ ...world, sessions: { ...world.sessions, [persona.key]: "authjs.session-token=not-a-session" } }, persona);
          const got = await callAction(request, id!, row.fields(world, persona, column), cookie, row.formOnly);
          const want = row.expect(persona, column);
          cells++;
          tally[want]++;
          if (got !== want) failures.push(`${name} / ${persona.key} / ${column}: expected ${want}, got ${got}`);
        }
      }
    }
    for (const [route, row] of Object.entries(PAGES)) {
      for (const persona of PERSONAS) {
        for (const column of ["own", "foreign"] as const) {
          const cookie = cookieFor(world, persona);
          const res = await request.get(row.url(world, column), { headers: cookie ? { cookie } : {}, maxRedirects: 0 });
          const got = await outcomeOfPage(res);
          const want = row.expect(persona, column);
          cells++;
          tally[want]++;
          if (got !== want) failures.push(`${route} / ${persona.key} / ${column}: expected ${want}, got ${got}`);
        }
      }
    }
    console.log(
      `authorization matrix: ${cells} cells checked (${Object.keys(ACTIONS).length} actions, ${Object.keys(PAGES).length} pages, ${PERSONAS.length} personas, own and foreign): ${JSON.stringify(tally)}`,
    );
    expect(failures).toEqual([]);
  });
});
