import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { mailbox } from "../support/mail";
import { PRODUCTION } from "../support/ports";

/**
 * A fresh install, in production mode (no seed, no mailbox page, a real AUTH_SECRET) with the
 * built-in SMTP capture standing in for the relay: one command makes the first operator, and
 * everything after it happens through the product's own pages and emails.
 */
const { signIn, waitForEmail, linkIn, mailCursor } = mailbox(PRODUCTION);
const path = (link: string) => link.replace(/^https?:\/\/[^/]+/, "");

const OPERATOR = "ops@program.example";
const APPLICANT = "ceo@tailwind.example";
const AGENT = "agent@tailwind.example";
const CUSTOMER = "it@adventure.example";
const PARTNER = "Tailwind Traders";

function operatorAdd(email: string): string {
  return execFileSync("npm", ["run", "--silent", "operator:add", "--", email], {
    env: { ...process.env, DATABASE_PATH: PRODUCTION.dbPath },
    encoding: "utf8",
  });
}

async function signedIn(browser: Browser, email: string, to: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: PRODUCTION.baseUrl })).newPage();
  await signIn(page, email, to);
  return page;
}

test("from an empty database to a working program: operator, enrollment, a customer, a subscription, admin roles, suspension and offboarding", async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // The first operator comes from the command line; running it again changes nothing.
  expect(operatorAdd(OPERATOR)).toMatch(
    /created the operator organization; created the user ops@program\.example; made them an operator admin/,
  );
  expect(operatorAdd(OPERATOR)).toMatch(/they already are an operator admin: nothing changed/);

  const operator = await signedIn(browser, OPERATOR, "/operator");
  await expect(operator.getByRole("heading", { name: "Partner applications" })).toBeVisible();
  await expect(operator.getByText("No application is waiting for review.")).toBeVisible();

  // The catalog starts empty: the operator adds what partners of the global cloud sell.
  await operator.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
  const add = operator.getByRole("form", { name: "Add a product to Global" });
  await add.getByLabel("Product name").fill("Microsoft 365 E3");
  await add.getByRole("button", { name: "Add product" }).click();
  await expect(operator.getByRole("status").getByText("Microsoft 365 E3 was added to the catalog.")).toBeVisible();

  // A company applies. Its person has no organization yet; the home page points to enrollment.
  const applicant = await signedIn(browser, APPLICANT, "/");
  await expect(applicant.getByText("You do not belong to any organization yet.", { exact: false })).toBeVisible();
  await applicant.getByRole("link", { name: /Enroll as a partner/ }).click();
  await applicant.getByLabel("Company name").fill(PARTNER);
  await applicant.getByLabel("Primary domain").fill("other.example");
  await applicant.getByLabel("Country").selectOption("DE");
  await applicant.getByLabel(/I have read the Partner Agreement \(version 2026-10\)/).check();
  await applicant.getByRole("button", { name: "Send application" }).click();
  // The domain check: the address must be at the domain applied for; the error sits beside the field.
  await expect(applicant.getByText("Your sign-in address is not at this domain.")).toBeVisible();
  await expect(applicant.getByLabel("Company name")).toHaveValue(PARTNER);
  await applicant.getByLabel("Primary domain").fill("tailwind.example");
  const beforeApply = await mailCursor();
  await applicant.getByRole("button", { name: "Send application" }).click();
  await expect(applicant.getByRole("status").getByText(`Thank you. The application for ${PARTNER} is waiting for review`)).toBeVisible();

  // The operator is emailed, opens the application and approves it with a partner ID.
  const review = await waitForEmail(OPERATOR, new RegExp(`New partner application: ${PARTNER}`), beforeApply);
  await operator.goto(path(linkIn(review, "/operator/applications/")));
  await operator.getByLabel("Partner ID").fill("4810231");
  const beforeApprove = await mailCursor();
  await operator.getByRole("button", { name: "Approve" }).click();
  await expect(operator.getByRole("status").getByText(`${PARTNER} is now a partner, with partner ID 4810231.`)).toBeVisible();

  // The applicant is now the Account admin of the new partner.
  const welcome = await waitForEmail(APPLICANT, new RegExp(`${PARTNER} is now a partner of the program`), beforeApprove);
  await applicant.goto(path(linkIn(welcome, "/partner/")));
  await expect(applicant.getByRole("heading", { name: "Customers" })).toBeVisible();
  await expect(applicant.getByText("Account admin")).toBeVisible();

  // The Account admin invites a colleague to be its Admin and Sales agent.
  await applicant.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  const invite = applicant.getByRole("form", { name: "Invite a colleague" });
  await invite.getByLabel("Email").fill(AGENT);
  await invite.getByLabel("Admin agent").check();
  await invite.getByLabel("Sales agent").check();
  const beforeJoin = await mailCursor();
  await invite.getByRole("button", { name: "Send invitation" }).click();
  const join = linkIn(await waitForEmail(AGENT, new RegExp(`Join ${PARTNER}`), beforeJoin), "/join/");
  const agent = await signedIn(browser, AGENT, path(join));
  await agent.getByRole("button", { name: "Join" }).click();
  await expect(agent.getByRole("heading", { name: "Customers" })).toBeVisible();

  // The agent invites the first customer, whose Global administrator accepts.
  await agent.getByRole("link", { name: "Invite a customer" }).first().click();
  await agent.getByLabel("Customer admin’s email").fill(CUSTOMER);
  const beforeInvite = await mailCursor();
  await agent.getByRole("button", { name: "Send invitation" }).click();
  const invitation = linkIn(await waitForEmail(CUSTOMER, new RegExp(`${PARTNER} invites you`), beforeInvite), "/invite/");
  const customer = await signedIn(browser, CUSTOMER, path(invitation));
  await customer.getByLabel("Company name").fill("Adventure Works");
  await customer.getByLabel("Primary domain").fill("adventure.example");
  await customer.getByLabel("Country").selectOption("US");
  await customer.getByLabel(/I have read the Customer Agreement/).check();
  await customer.getByRole("button", { name: "Accept" }).click();
  await expect(customer.getByRole("heading", { name: `You now work with ${PARTNER}` })).toBeVisible();
  await customer.getByRole("link", { name: "Open your organization’s dashboard" }).click();
  await expect(customer.getByRole("heading", { name: "Adventure Works" })).toBeVisible();
  const dashboard = customer.url();

  // The partner of record sells a subscription from the catalog; the customer hears of it.
  await agent.goto("/partner");
  await agent.getByRole("link", { name: "Adventure Works" }).click();
  const sell = agent.getByRole("form", { name: "Sell a subscription" });
  await sell.getByLabel("Product").selectOption({ label: "Microsoft 365 E3" });
  await sell.getByLabel("Seats").fill("25");
  const beforeSell = await mailCursor();
  await sell.getByRole("button", { name: "Create subscription" }).click();
  await expect(agent.getByRole("status").getByText("Microsoft 365 E3 with 25 seats was created.", { exact: false })).toBeVisible();
  await waitForEmail(CUSTOMER, /New subscription: Microsoft 365 E3/, beforeSell);
  await expect(agent.getByTestId("subscription-Microsoft 365 E3").getByText(PARTNER)).toBeVisible();

  // It asks for admin roles; the customer approves from the emailed link.
  await agent.getByRole("link", { name: "Request admin relationship" }).click();
  await agent.getByLabel("Name", { exact: true }).fill("Tailwind helpdesk");
  await agent.getByLabel("Duration in days").fill("180");
  await agent.getByPlaceholder("Filter roles").fill("global reader");
  await agent.getByLabel(/^Global Reader/).check();
  const beforeRequest = await mailCursor();
  await agent.getByRole("button", { name: "Send request" }).click();
  await expect(agent.getByText("Request “Tailwind helpdesk” sent to Adventure Works for approval.")).toBeVisible();
  const approval = linkIn(
    await waitForEmail(CUSTOMER, new RegExp(`${PARTNER} asks for admin roles in Adventure Works`), beforeRequest),
    "/customer/",
  );
  await customer.goto(path(approval));
  await customer.getByRole("button", { name: "Approve" }).click();
  await expect(customer.getByText(new RegExp(`“Tailwind helpdesk” is approved. ${PARTNER} holds these roles until`))).toBeVisible();

  // The operator suspends the partner: it still sees, but invites nobody; its customer sees it suspended.
  await operator.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  await expect(operator.getByText("1 partner")).toBeVisible();
  await operator.getByRole("link", { name: PARTNER }).click();
  await expect(operator.getByText("1 customer · 1 admin relationship in force")).toBeVisible();
  await operator.getByLabel("Reason").first().fill("Unpaid invoices since March.");
  const beforeSuspend = await mailCursor();
  await operator.getByRole("button", { name: "Suspend partner" }).click();
  await expect(operator.getByRole("status").getByText(`${PARTNER} is suspended.`, { exact: false })).toBeVisible();
  expect((await waitForEmail(APPLICANT, new RegExp(`${PARTNER} has been suspended`), beforeSuspend)).text).toContain(
    "Unpaid invoices since March.",
  );
  await agent.goto("/partner");
  await expect(agent.getByText("The program has suspended your organization.", { exact: false })).toBeVisible();
  await expect(agent.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invite a customer" })).toHaveCount(0);
  await agent.goto(`${new URL(agent.url()).pathname.replace(/\/customers$/, "")}/invitations/new`);
  await agent.getByLabel("Customer admin’s email").fill("someone@fabrikam.example");
  await agent.getByRole("button", { name: "Send invitation" }).click();
  await expect(agent.getByText(`The program has suspended ${PARTNER}: until it is reinstated`, { exact: false })).toBeVisible();
  await customer.goto(dashboard);
  await expect(customer.getByTestId(`partner-${PARTNER}`).getByText("Suspended")).toBeVisible();

  // Offboarding ends its relationships as a customer's removal would; both sides are emailed; the subscription stays.
  await operator.reload();
  await operator.getByRole("button", { name: "Offboard…" }).click();
  const offboard = operator.getByRole("form", { name: "Offboard" });
  await offboard.getByLabel("Reason").fill("Left the program.");
  await offboard.getByLabel(`Type ${PARTNER} to confirm`).fill("Tailwind");
  await offboard.getByRole("button", { name: "Offboard for good" }).click();
  await expect(offboard.getByText("Type the partner's name exactly to confirm.")).toBeVisible();
  await offboard.getByLabel(`Type ${PARTNER} to confirm`).fill(PARTNER);
  const beforeOffboard = await mailCursor();
  await offboard.getByRole("button", { name: "Offboard for good" }).click();
  await expect(operator.getByRole("status").getByText(`${PARTNER} is offboarded: 1 customer relationship ended.`)).toBeVisible();
  await waitForEmail(CUSTOMER, new RegExp(`${PARTNER} and Adventure Works no longer work together`), beforeOffboard);
  await waitForEmail(APPLICANT, new RegExp(`${PARTNER} has been offboarded`), beforeOffboard);
  await customer.goto(dashboard);
  await expect(customer.getByText("You do not work with any partner yet.")).toBeVisible();
  await expect(customer.getByText("No partner holds admin roles in your organization.")).toBeVisible();
  await expect(customer.getByTestId("subscription-Microsoft 365 E3").getByText(PARTNER)).toBeVisible();

  // Both sides' logs say so: the operator's, and the partner's own.
  await operator.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
  await expect(operator.getByText(`${PARTNER} was offboarded: Left the program.`)).toBeVisible();
  await expect(operator.getByText(`Approved ${PARTNER} (tailwind.example) as a partner`)).toBeVisible();
  await agent.goto("/partner");
  await expect(agent.getByText("The program has offboarded your organization.", { exact: false })).toBeVisible();
});
