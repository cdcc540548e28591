import type { ApiRouteSpec } from "../spec";
import {
  createInvitationRoute,
  getInvitationRoute,
  listInvitationsRoute,
  resendInvitationRoute,
  revokeInvitationRoute,
} from "./invitations";
import { meRoute } from "./me";
import { addGroupMemberRoute, listActivityRoute, listSecurityGroupsRoute, removeGroupMemberRoute } from "./groups-activity";
import {
  cancelSubscriptionRoute,
  changeSeatsRoute,
  createSubscriptionRoute,
  getSubscriptionRoute,
  reactivateSubscriptionRoute,
  suspendSubscriptionRoute,
} from "./subscriptions";
import {
  createWebhookEndpointRoute,
  deleteWebhookEndpointRoute,
  getWebhookEndpointRoute,
  listWebhookEndpointsRoute,
  rotateWebhookSecretRoute,
  testWebhookEndpointRoute,
  updateWebhookEndpointRoute,
} from "./webhook-endpoints";
import {
  createAccessAssignmentRoute,
  deleteAccessAssignmentRoute,
  getAccessAssignmentRoute,
  updateAccessAssignmentRoute,
  getAdminRelationshipRoute,
  listAccessAssignmentsRoute,
  listAdminRelationshipsRoute,
  requestAdminRelationshipRoute,
  terminateAdminRelationshipRoute,
} from "./admin-relationships";
import { getCustomerRoute, listCustomersRoute } from "./customers";
import {
  createAdminTemplateRoute,
  deleteAdminTemplateRoute,
  getAdminTemplateRoute,
  listAdminTemplatesRoute,
  requestFromTemplateRoute,
  updateAdminTemplateRoute,
} from "./templates";

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
  listAdminRelationshipsRoute,
  requestAdminRelationshipRoute,
  getAdminRelationshipRoute,
  terminateAdminRelationshipRoute,
  requestFromTemplateRoute,
  listAdminTemplatesRoute,
  createAdminTemplateRoute,
  getAdminTemplateRoute,
  updateAdminTemplateRoute,
  deleteAdminTemplateRoute,
  listAccessAssignmentsRoute,
  createAccessAssignmentRoute,
  deleteAccessAssignmentRoute,
  getAccessAssignmentRoute,
  updateAccessAssignmentRoute,
  createSubscriptionRoute,
  getSubscriptionRoute,
  changeSeatsRoute,
  suspendSubscriptionRoute,
  reactivateSubscriptionRoute,
  cancelSubscriptionRoute,
  listWebhookEndpointsRoute,
  createWebhookEndpointRoute,
  getWebhookEndpointRoute,
  updateWebhookEndpointRoute,
  deleteWebhookEndpointRoute,
  rotateWebhookSecretRoute,
  testWebhookEndpointRoute,
  listSecurityGroupsRoute,
  addGroupMemberRoute,
  removeGroupMemberRoute,
  listActivityRoute,
] as readonly ApiRouteSpec<never>[];
