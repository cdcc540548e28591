import { expect, test, type Browser, type Page } from "@playwright/test";
import { linkIn, mailCursor, signIn, waitForEmail } from "./support/mail";

const PROVIDER = { email: "pieter.admin@contoso-distribution.com", name: "Contoso Distribution" };
const RESELLER = { email: "ravi.admin@treyresearch.net", name: "Trey Research", partnerId: "7400218" };

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** The partner dashboard of the signed-in person's only partner organization. */
async function openPartnerPage(page: Page, nav: string) {
  await page.goto("/partner");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: nav }).click();
}

test.describe("two-tier distribution", () => {
  test("provider invites a reseller → reseller authorizes → reseller invites a customer naming the provider → both see the customer", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const provider = await newPage(browser);
    await signIn(provider, PROVIDER.email, "/partner");
    await openPartnerPage(provider, "Resellers");

    // A partner ID of another national cloud is refused beside the field, and nothing is sent.
    await provider.getByLabel("Reseller’s partner ID").fill("8100345");
    await provider.getByLabel("Reseller’s Account admin email").fill(RESELLER.email);
    await provider.getByRole("button", { name: "Send invitation" }).click();
    await expect(
      provider.getByText("No indirect reseller with this partner ID in your cloud. Partners in other national clouds cannot be invited."),
    ).toBeVisible();
    await expect(provider.getByTestId(`partnership-${RESELLER.name}`)).toHaveCount(0);

    const since = await mailCursor();
    await provider.getByLabel("Reseller’s partner ID").fill(RESELLER.partnerId);
    await provider.getByRole("button", { name: "Send invitation" }).click();
    await expect(provider.getByText(`Invitation sent to ${RESELLER.name} (${RESELLER.email}).`).first()).toBeVisible();
    await expect(provider.getByTestId(`partnership-${RESELLER.name}`).getByText("Invited")).toBeVisible();
    const invitation = await waitForEmail(RESELLER.email, new RegExp(`${PROVIDER.name} invites ${RESELLER.name}`), since);

    // The reseller's Account admin authorizes from the emailed link.
    const reseller = await newPage(browser);
    await signIn(reseller, RESELLER.email, "/partner");
    await reseller.goto(linkIn(invitation, "/partnership/"));
    await expect(reseller.getByRole("heading", { name: `${PROVIDER.name} invites ${RESELLER.name} to sell through it` })).toBeVisible();
    await reseller.getByRole("button", { name: `Authorize ${PROVIDER.name}` }).click();
    await expect(reseller.getByRole("heading", { name: "Your providers" })).toBeVisible();
    await expect(reseller.getByTestId(`partnership-${PROVIDER.name}`).getByText("Active")).toBeVisible();

    // The reseller invites a new customer through that provider.
    const customerEmail = `it-${Date.now()}@alpineskihouse.example`;
    const domain = `alpine-${Date.now()}.example`;
    await openPartnerPage(reseller, "Invite a customer");
    await expect(reseller.getByLabel("Indirect provider")).toHaveValue(/.+/);
    await reseller.getByLabel("Customer admin’s email").fill(customerEmail);
    const beforeInvite = await mailCursor();
    await reseller.getByRole("button", { name: "Send invitation" }).click();
    await expect(reseller.getByText(`Invitation sent to ${customerEmail}.`)).toBeVisible();
    const customerMail = await waitForEmail(customerEmail, new RegExp(`${RESELLER.name} invites you`), beforeInvite);
    expect(customerMail.text).toContain(`Accepting makes both ${RESELLER.name} and ${PROVIDER.name} your partners.`);

    // The provider sees the invitation naming it.
    await provider.reload();
    await expect(provider.getByRole("region", { name: "Their invitations naming you" }).getByText(customerEmail)).toBeVisible();

    // The customer accepts once and gets both partners.
    const customer = await newPage(browser);
    await signIn(customer, customerEmail, "/");
    await customer.goto(linkIn(customerMail, "/invite/"));
    await expect(customer.getByText(`${RESELLER.name} sells through the indirect provider ${PROVIDER.name}`)).toBeVisible();
    await customer.getByLabel("Company name").fill("Alpine Ski House");
    await customer.getByLabel("Primary domain").fill(domain);
    await customer.getByLabel("Country").selectOption("CH");
    await customer.getByLabel(/I have read the Customer Agreement/).check();
    await customer.getByRole("button", { name: "Accept" }).click();
    await expect(customer.getByText(`${PROVIDER.name} is now your partner too, as ${RESELLER.name}’s indirect provider.`)).toBeVisible();
    await customer.getByRole("link", { name: "Open your organization’s dashboard" }).click();
    const partners = customer.getByRole("table", { name: "Your partners" });
    await expect(partners.getByTestId(`partner-${RESELLER.name}`).getByText(`Sells through ${PROVIDER.name}`)).toBeVisible();
    await expect(partners.getByTestId(`partner-${PROVIDER.name}`).getByText(`Provider for ${RESELLER.name}`)).toBeVisible();

    // Both partners see the customer.
    await provider.reload();
    const resellerCustomers = provider.getByRole("region", { name: "Customers of your resellers" });
    await expect(resellerCustomers.getByRole("link", { name: "Alpine Ski House" })).toBeVisible();
    await resellerCustomers.getByRole("link", { name: "Alpine Ski House" }).click();
    await expect(provider.getByText(`This customer came to you through your reseller ${RESELLER.name}.`)).toBeVisible();
    await openPartnerPage(reseller, "Customers");
    await expect(reseller.getByRole("link", { name: /Alpine Ski House/ })).toBeVisible();

    // The reseller ends the partnership; the customer keeps both partners.
    await openPartnerPage(reseller, "Providers");
    await reseller.getByTestId(`partnership-${PROVIDER.name}`).getByRole("button", { name: "End partnership…" }).click();
    await reseller.getByRole("button", { name: "End partnership", exact: true }).click();
    await expect(reseller.getByTestId(`partnership-${PROVIDER.name}`).getByText("Ended")).toBeVisible();
    await customer.reload();
    await expect(partners.getByTestId(`partner-${PROVIDER.name}`)).toBeVisible();
    await expect(partners.getByTestId(`partner-${RESELLER.name}`)).toBeVisible();
  });

  test("a customer assigns a directly bought subscription to a partner; the partner supports it without selling it", async ({
    browser,
  }) => {
    const customer = await newPage(browser);
    await signIn(customer, "olivia.it@adventure-works.com", "/");
    await customer
      .getByRole("link", { name: /Adventure Works Cycles/ })
      .first()
      .click();
    const subscriptions = customer.getByRole("table", { name: "Subscriptions" });
    const before = await subscriptions
      .getByRole("row", { name: /Power BI Pro/ })
      .getByRole("cell")
      .nth(4)
      .innerText();
    await customer.getByLabel("Support partner for Power BI Pro").selectOption({ label: "Northwind Cloud Services" });
    await subscriptions
      .getByRole("row", { name: /Power BI Pro/ })
      .getByRole("button", { name: "Assign" })
      .click();
    await expect(customer.getByText("Power BI Pro is now supported by Northwind Cloud Services.").first()).toBeVisible();
    const row = subscriptions.getByRole("row", { name: /Power BI Pro/ });
    await expect(row.getByText("Supported by Northwind Cloud Services")).toBeVisible();
    // Channel and partner of record unchanged.
    await expect(row.getByText("Enterprise agreement")).toBeVisible();
    expect(await row.getByRole("cell").nth(4).innerText()).toBe(before);

    const partner = await newPage(browser);
    await signIn(partner, "hana.helpdesk@northwindcloud.com", "/partner");
    await openPartnerPage(partner, "Customers");
    await partner.getByRole("link", { name: /Adventure Works Cycles/ }).click();
    const supported = partner.getByTestId("supported-Power BI Pro");
    await expect(supported.getByText("Supported, not sold")).toBeVisible();
    await supported.getByLabel("Record a support action").fill("Provisioned Power BI workspaces for finance");
    await supported.getByRole("button", { name: "Record" }).click();
    await expect(supported.getByText("Provisioned Power BI workspaces for finance")).toBeVisible();
  });

  test("a cross-cloud customer invitation does not offer the customer's organization of another cloud", async ({ browser }) => {
    const partner = await newPage(browser);
    await signIn(partner, "li.wei@wingtipcloud.cn", "/partner");
    await openPartnerPage(partner, "Invite a customer");
    const email = "olivia.it@adventure-works.com";
    await partner.getByLabel("Customer admin’s email").fill(email);
    const since = await mailCursor();
    await partner.getByRole("button", { name: "Send invitation" }).click();
    const mail = await waitForEmail(email, /Wingtip Cloud \(Shanghai\) invites you/, since);

    const customer = await newPage(browser);
    await signIn(customer, email, "/");
    await customer.goto(linkIn(mail, "/invite/"));
    await expect(
      customer.getByText(
        "Not offered: Adventure Works Cycles (Global). This invitation is from the China (21Vianet) cloud, and relationships never cross national clouds.",
      ),
    ).toBeVisible();
    await expect(customer.getByRole("radio", { name: /Adventure Works Cycles/ })).toHaveCount(0);
  });
});
