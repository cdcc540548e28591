import { expect, test } from "@playwright/test";
import { actionIds, postAction } from "./support/actions";
import { signIn } from "./support/mail";

// Any client can send it: it must take no request past the proxy's checks and headers.
const PREFETCH = { "next-router-prefetch": "1" };

test.describe("security headers and cookies", () => {
  test("every page sends a nonce-based Content-Security-Policy without 'unsafe-inline' scripts, and cannot be framed", async ({
    request,
  }) => {
    for (const path of ["/signin", "/about", "/invite/not-a-real-token-at-all-but-long-enough-0000000"]) {
      const res = await request.get(path);
      const csp = res.headers()["content-security-policy"] ?? "";
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
      expect(scriptSrc, path).not.toContain("unsafe-inline");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers()["x-frame-options"], path).toBe("DENY");
      // Next put this response's nonce on every script it wrote (a prerendered page would have none).
      const nonce = scriptSrc.match(/'nonce-([^']+)'/)![1];
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      expect(
        scripts.filter((s) => !s.includes(`nonce="${nonce}"`)),
        path,
      ).toEqual([]);
    }
    expect((await request.get("/invite/not-a-real-token-at-all-but-long-enough-0000000")).headers()["referrer-policy"]).toBe("no-referrer");
    expect((await request.get("/signin")).headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  test("the proxy runs on every request, whatever its headers: a prefetch header skips neither the checks nor the headers", async ({
    request,
  }) => {
    // A server action's POST with arguments React never sends: refused before any action runs.
    const id = actionIds().get("setLocaleAction")!;
    for (const headers of [{}, PREFETCH]) {
      const res = await postAction(request, id, { locale: "en" }, { formOnly: true, envelope: "not json", headers });
      expect(res.status, JSON.stringify(headers)).toBe(400);
      expect(res.body).toBe("Invalid Server Action request.");
    }
    // Every response keeps its headers: pages, prefetches of them, and the API.
    for (const [path, headers] of [
      ["/signin", PREFETCH],
      ["/about", { ...PREFETCH, rsc: "1" }],
      ["/api/auth/session", PREFETCH],
      ["/api/auth/csrf", {}],
    ] as const) {
      const res = await request.get(path, { headers });
      expect(res.headers()["x-frame-options"], path).toBe("DENY");
      expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
      expect(res.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
  });

  test("pages work under the policy without a console error or a failed request, and the session cookie is httpOnly and SameSite", async ({
    page,
    context,
  }) => {
    // A script the policy blocks, or any file the page asks for and does not get (the tab's icon among them).
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.goto("/about");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await signIn(page, "alice.admin@northwindcloud.com", "/partner");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invite a customer" }).click();
    // A client component answered (hydrated): the form shows its field error without a reload.
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Required.").first()).toBeVisible();
    expect(problems).toEqual([]);
    const icon = await page.locator('link[rel="icon"]').getAttribute("href");
    expect((await page.request.get(icon!)).headers()["content-type"]).toContain("image/svg+xml");
    const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
  });
});
