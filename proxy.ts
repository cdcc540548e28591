import { NextResponse, type NextRequest } from "next/server";

/**
 * Security headers on every page. Scripts run only with this response's nonce (Next puts it
 * on its own scripts when it finds it in the request's Content-Security-Policy), so an
 * injected <script> cannot run: no 'unsafe-inline' for scripts. Styles allow inline style
 * attributes (React renders some); they cannot run code. No page may be framed.
 */
export function proxy(request: NextRequest) {
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
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("x-content-type-options", "nosniff");
  // Pages opened from emailed links carry a token in their URL: never send it on as a Referer.
  const { pathname } = request.nextUrl;
  const tokenPage = /^\/(invite|join|partnership)\/|^\/signin\/continue/.test(pathname);
  response.headers.set("referrer-policy", tokenPage ? "no-referrer" : "strict-origin-when-cross-origin");
  return response;
}

export const config = {
  // Pages only: not the build's static files, not Auth.js's endpoints.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
