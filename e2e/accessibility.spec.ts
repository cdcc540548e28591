import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { LOCALES } from "../lib/i18n/locales";
import { buildWorld, PERSONAS, type Persona, type World } from "./support/matrix-world";
import { PAGES } from "./support/matrix-rules";
import { E2E } from "./support/ports";

/**
 * axe-core over every page, as the personas the authorization table lets see it (its own
 * organization's objects), in all four languages: zero violations of any impact. A page
 * differs by persona (what a role is offered) and by language (lengths, scripts, `lang`).
 *
 * `npm test` checks each page as every persona that may see it and in every language, the two
 * dealt out together (persona i in language i mod 4), so each (page, persona) and each (page,
 * language) pair is checked once; public pages as the anonymous visitor and one signed-in
 * person of each kind, since only the header differs. `npm run test:a11y` checks the whole
 * product of the three (A11Y_FULL=1; A11Y_ONLY=<regex> narrows it to some routes).
 */
const FULL = process.env.A11Y_FULL === "1";

type Visit = { route: string; url: string; persona: Persona; locale: string };

/** One signed-in persona of each kind: on a public page the rest show the same header. */
const HEADER_KINDS = new Set([
  "anonymous",
  "partner account_admin",
  "customer Global administrator",
  "operator operator_admin",
  "applicant",
]);

function plan(w: World): Visit[] {
  const visits: Visit[] = [];
  for (const [route, row] of Object.entries(PAGES)) {
    const seeing = PERSONAS.filter((p) => row.expect(p, "own") === "allowed");
    const isPublic = seeing.length === PERSONAS.length;
    const personas = FULL || !isPublic ? seeing : seeing.filter((p) => HEADER_KINDS.has(p.key));
    const url = row.url(w, "own");
    if (FULL) {
      for (const locale of LOCALES) for (const persona of personas) visits.push({ route, url, persona, locale });
      continue;
    }
    // Each persona once and each language at least once, dealt out in turn: every (page, persona) and every (page, language) pair is checked.
    for (let i = 0; i < Math.max(personas.length, LOCALES.length); i++) {
      visits.push({ route, url, persona: personas[i % personas.length]!, locale: LOCALES[i % LOCALES.length]! });
    }
  }
  return visits;
}

/** A browser context per persona and language, reused for each of its pages (a fresh one per page costs a second). */
async function pageFor(browser: Browser, w: World, persona: Persona, locale: string): Promise<Page> {
  const context = await browser.newContext();
  const cookies = [{ name: "locale", value: locale, url: E2E.baseUrl }];
  const session = persona.org ? w.sessions[persona.key] : "";
  if (session) {
    const [name, value] = session.split("=");
    cookies.push({ name: name!, value: value!, url: E2E.baseUrl });
  }
  await context.addCookies(cookies);
  return context.newPage();
}

async function violationsOf(page: Page, v: Visit): Promise<string[]> {
  const t0 = Date.now();
  const response = await page.goto(v.url);
  const t1 = Date.now();
  expect(response?.status(), `${v.route} as ${v.persona.key}`).toBeLessThan(400);
  // The mailbox shows a received email's own HTML in a script-less sandbox: not our markup, and axe cannot enter it.
  await page.evaluate(() => document.querySelectorAll("iframe[sandbox]").forEach((f) => f.remove()));
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ["violations"] })
    .analyze();
  if (process.env.A11Y_DEBUG) console.log(v.route, v.persona.key, v.locale, "goto", t1 - t0, "axe", Date.now() - t1);
  return violations.map(
    (x) => `${v.route} / ${v.persona.key} / ${v.locale}: ${x.id} (${x.impact}) ${x.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/** The visits of one persona in one language, on one page of their own. */
async function visitAll(browser: Browser, w: World, visits: Visit[]): Promise<string[]> {
  const page = await pageFor(browser, w, visits[0]!.persona, visits[0]!.locale);
  const problems: string[] = [];
  try {
    for (const v of visits) {
      problems.push(...(await violationsOf(page, v)));
    }
  } finally {
    await page.context().close();
  }
  return problems;
}

test.describe("accessibility", () => {
  test("every page, as the personas that may see it, in every language: no axe violation", async ({ browser }) => {
    const w = buildWorld();
    const only = process.env.A11Y_ONLY ? new RegExp(process.env.A11Y_ONLY) : null;
    const visits = plan(w).filter((v) => !only || only.test(v.route));
    test.setTimeout(120_000 + visits.length * 3_000);
    const groups = Map.groupBy(visits, (v) => `${v.persona.key} ${v.locale}`);
    const queue = [...groups.values()];
    const problems: string[] = [];
    // Two personas at a time: the browser and the server share the machine's two cores.
    const worker = async () => {
      for (let group = queue.shift(); group; group = queue.shift()) problems.push(...(await visitAll(browser, w, group)));
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: Number(process.env.A11Y_WORKERS ?? 2) }, worker));
    const routes = new Set(visits.map((v) => v.route)).size;
    console.log(
      `accessibility: ${visits.length} pages checked (${routes} routes, ${LOCALES.length} languages${FULL ? ", every persona" : ""}) in ${Math.round((Date.now() - started) / 1000)} s, ${problems.length} violations`,
    );
    expect(problems.slice(0, 30)).toEqual([]);
  });
});
