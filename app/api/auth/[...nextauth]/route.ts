import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { admitSignInRequest } from "@/lib/auth/sign-in-request";

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

// A relative Location: never built from the request's Host header.
const toErrorPage = () => new Response(null, { status: 303, headers: { location: "/signin/error?error=Verification" } });

/**
 * Auth.js's own sign-in endpoint (POST /api/auth/signin/nodemailer) skips our form: it passes
 * the same checks the form does (one address, the per-client and per-address limits) before
 * Auth.js sees it. Our pages never post here; a script that does is answered like a bad link.
 */
async function signInEndpoint(request: NextRequest): Promise<Response> {
  if (!request.nextUrl.pathname.endsWith("/signin/nodemailer")) return guarded(handlers.POST)(request);
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const admitted = await admitSignInRequest(form?.get("email"));
  if (!admitted.ok) return toErrorPage();
  return guarded(handlers.POST)(request);
}

export const GET = guarded(handlers.GET);
export const POST = signInEndpoint;
