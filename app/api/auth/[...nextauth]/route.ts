import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { csrfCookieName, csrfTokenMatches } from "@/lib/auth/csrf";
import { sessionActor } from "@/lib/auth/session";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { admitSignInRequest } from "@/lib/auth/sign-in-request";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Auth.js answers some malformed requests (a callbackUrl that is not a URL) with a 500 and
 * "a problem with the server configuration". They are the visitor's mistake: send them to
 * the sign-in error page, as Auth.js does for a bad link. (Auth.js still logs them.)
 */
function guarded(handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest) => {
    const response = await handler(request);
    if (response.status < 500) return response;
    return toErrorPage();
  };
}

// Relative Locations: never built from the request's Host header.
const toErrorPage = (error = "Verification") => new Response(null, { status: 303, headers: { location: `/signin/error?error=${error}` } });
const LINK_PARAMS = ["token", "email", "callbackUrl"] as const;

const isCallback = (request: NextRequest) => request.nextUrl.pathname.includes("/api/auth/callback/");

/**
 * A sign-in link's callback never completes by GET: a link an attacker sends, carrying the
 * attacker's own token, would sign the victim into the attacker's account (login CSRF).
 * A GET goes to the page that shows whose account it is and asks for a press.
 */
function callbackByGet(request: NextRequest): Response {
  const params = new URLSearchParams();
  for (const name of LINK_PARAMS) {
    const value = request.nextUrl.searchParams.get(name);
    if (value !== null) params.set(name, value);
  }
  return new Response(null, { status: 303, headers: { location: `/signin/continue?${params}` } });
}

/**
 * The only way the callback completes: a POST from the continue page carrying the token of
 * this browser's CSRF cookie (lib/auth/csrf.ts). Auth.js's email callback reads the link's
 * values from the query and checks no CSRF token, so we check it and then hand Auth.js
 * the link as it expects it, with the visitor's own cookies.
 */
async function callbackByPost(request: NextRequest): Promise<Response> {
  const form = await request.formData().catch(() => null);
  if (!form || !(await csrfTokenMatches(request.cookies.get(csrfCookieName())?.value, form.get("csrfToken"))))
    return toErrorPage("ExpiredPage");
  const url = new URL(request.nextUrl.pathname, request.nextUrl.origin);
  for (const name of LINK_PARAMS) {
    const value = form.get(name);
    if (typeof value === "string") url.searchParams.set(name, value);
  }
  const headers = new Headers(request.headers);
  for (const name of ["content-type", "content-length"]) headers.delete(name);
  return guarded(handlers.GET)(new NextRequest(url, { method: "GET", headers }));
}

/**
 * Auth.js's own sign-in endpoint (POST /api/auth/signin/nodemailer) skips our form: it passes
 * the same checks the form does (one address, the per-client and per-address limits) before
 * Auth.js sees it. Our pages never post here; a script that does is answered like a bad link.
 */
async function signInEndpoint(request: NextRequest): Promise<Response> {
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const admitted = await admitSignInRequest(form?.get("email"));
  if (!admitted.ok) return toErrorPage();
  return guarded(handlers.POST)(request);
}

/**
 * The request as Auth.js must see it: at the public address (PUBLIC_BASE_URL). Behind a
 * proxy or a balancer, Next gives a route the address this process listens on
 * (http://localhost:3301), and Auth.js would redirect a signed-in person there, away from
 * the public origin whose callbackUrl it then refuses as foreign.
 */
function atPublicOrigin(request: NextRequest): NextRequest {
  const origin = new URL(env().PUBLIC_BASE_URL).origin;
  if (request.nextUrl.origin === origin) return request;
  return new NextRequest(origin + request.nextUrl.href.slice(request.nextUrl.origin.length), request);
}

const isSessionEndpoint = (request: NextRequest) => request.nextUrl.pathname === "/api/auth/session";

/**
 * `/api/auth/session` (GET, or POST to "update" it) is answered from our own read of the
 * session, as every page reads it (lib/auth/session.ts), never by Auth.js: its answer pushes
 * the session's expiry forward and sets the cookie again, so a session fetched once a month
 * would never end. Here the session ends when it was set to at sign-in, and no cookie is set.
 */
async function sessionEndpoint(request: NextRequest): Promise<Response> {
  const token = request.cookies.get(sessionCookieName())?.value;
  const actor = token ? await sessionActor(db(), token, new Date()) : undefined;
  const body = actor ? { user: { email: actor.email }, expires: actor.expires.toISOString() } : null;
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
}

export async function GET(incoming: NextRequest): Promise<Response> {
  const request = atPublicOrigin(incoming);
  if (isSessionEndpoint(request)) return sessionEndpoint(request);
  return isCallback(request) ? callbackByGet(request) : guarded(handlers.GET)(request);
}

export async function POST(incoming: NextRequest): Promise<Response> {
  const request = atPublicOrigin(incoming);
  if (isSessionEndpoint(request)) return sessionEndpoint(request);
  if (isCallback(request)) return callbackByPost(request);
  if (request.nextUrl.pathname.endsWith("/signin/nodemailer")) return signInEndpoint(request);
  return guarded(handlers.POST)(request);
}
