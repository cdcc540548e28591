import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { ApiCall } from "./route";

export type ApiMethod = "GET" | "POST" | "PATCH" | "DELETE";

/**
 * One API route, described once: the OpenAPI document is generated from these
 * (lib/api/openapi.ts), route files serve them (apiRoute), and the test mode checks every
 * answer against `responses` before it leaves.
 */
export type ApiRouteSpec<P = Record<string, string>> = {
  method: ApiMethod;
  /** As OpenAPI writes it, under /api/v1: `/invitations/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** The permission the key needs (null: any key). */
  permission: Permission | null;
  query?: Record<string, z.ZodType>;
  body?: z.ZodType;
  /** The answers on success, by status. */
  responses: Record<number, { description: string; schema: z.ZodType }>;
  handler: (call: ApiCall<P>) => Promise<Response>;
};

export const apiSpec = <P = Record<string, string>>(spec: ApiRouteSpec<P>) => spec;
