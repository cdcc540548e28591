import type { ApiRouteSpec } from "../spec";
import {
  createInvitationRoute,
  getInvitationRoute,
  listInvitationsRoute,
  resendInvitationRoute,
  revokeInvitationRoute,
} from "./invitations";
import { meRoute } from "./me";
import { getCustomerRoute, listCustomersRoute } from "./customers";

/** Every route of /api/v1: the OpenAPI document lists these, and lib/api/openapi.test.ts fails when a route file serves one that is not here. */
export const API_ROUTES: readonly ApiRouteSpec<never>[] = [
  meRoute,
  listCustomersRoute,
  getCustomerRoute,
  listInvitationsRoute,
  createInvitationRoute,
  getInvitationRoute,
  resendInvitationRoute,
  revokeInvitationRoute,
] as readonly ApiRouteSpec<never>[];
