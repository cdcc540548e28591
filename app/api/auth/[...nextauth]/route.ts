import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";

/**
 * Auth.js answers some malformed requests (a callbackUrl that is not a URL) with a 500 and
 * "a problem with the server configuration". They are the visitor's mistake: send them to
 * the sign-in error page, as Auth.js does for a bad link. (Auth.js still logs them.)
 */
function guarded(handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest) => {
    const response = await handler(request);
    if (response.status < 500) return response;
    // A relative Location: never built from the request's Host header.
    return new Response(null, { status: 303, headers: { location: "/signin/error?error=Verification" } });
  };
}

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
