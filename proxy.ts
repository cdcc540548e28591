import { NextResponse, type NextRequest } from "next/server";
import { isPlausibleActionEnvelope } from "@/lib/actions/envelope";
import { CSRF_COOKIE_OPTIONS, CSRF_REQUEST_HEADER, csrfCookieName, csrfTokenIn, newCsrfToken } from "@/lib/auth/csrf";
import { usesSecureCookies } from "@/lib/auth/session-cookie";

/**
 * A server action call whose encoded arguments React would never send gets a 400 here:
 * left to Next's decoder, some of them end in a 500 (lib/actions/envelope.ts).
 */
async function refuseMalformedAction(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const multipart = request.headers.get("content-type")?.startsWith("multipart/form-data");
  const encoded = multipart
    ? await request
        .clone()
        .formData()
        .then(
          (f) => f.get("0"),
          () => null,
        )
    : await request
        .clone()
        .text()
        .catch(() => null);
  return isPlausibleActionEnvelope(encoded) ? null : new NextResponse("Invalid Server Action request.", { status: 400 });
}

/**
 * The sign-in link's page posts to the callback with the browser's CSRF token (lib/auth/csrf.ts),
 * so another site cannot sign a visitor into the attacker's account. A server component cannot
 * set the cookie: it is issued here when missing, and the token reaches the page in a request
 * header that only this code writes. Returns the new cookie's value, if one was made.
 */
async function csrfForContinuePage(request: NextRequest, requestHeaders: Headers): Promise<string | null> {
  const existing = await csrfTokenIn(request.cookies.get(csrfCookieName())?.value);
  const fresh = existing ? null : await newCsrfToken();
  requestHeaders.set(CSRF_REQUEST_HEADER, existing ?? fresh!.token);
  return fresh?.cookieValue ?? null;
}

/**
 * Security headers on every page. Scripts run only with this response's nonce (Next puts it
 * on its own scripts when it finds it in the request's Content-Security-Policy), so an
 * injected <script> cannot run: no 'unsafe-inline' for scripts. Styles allow inline style
 * attributes (React renders some); they cannot run code. No page may be framed.
 */
export async function proxy(request: NextRequest) {
  const refused = await refuseMalformedAction(request);
  if (refused) return refused;
  const nonce = btoa(crypto.randomUUID());
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(CSRF_REQUEST_HEADER);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const { pathname } = request.nextUrl;
  const newCsrfCookie = pathname === "/signin/continue" ? await csrfForContinuePage(request, requestHeaders) : null;
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (newCsrfCookie) response.cookies.set(csrfCookieName(), newCsrfCookie, { ...CSRF_COOKIE_OPTIONS, secure: usesSecureCookies() });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("x-content-type-options", "nosniff");
  // Pages opened from emailed links carry a token in their URL: never send it on as a Referer.
  const tokenPage = /^\/(invite|join|partnership)\/|^\/signin\/continue/.test(pathname);
  response.headers.set("referrer-policy", tokenPage ? "no-referrer" : "strict-origin-when-cross-origin");
  return response;
}

export const config = {
  // Every request but the build's static files and the files of public/: pages, server actions
  // and API routes alike. No header may take a request past it (a `missing` condition on
  // `next-router-prefetch`, which any client can send, once let a server action skip the checks).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|\\.well-known/).*)"],
};
