import type { AnyOperation } from "./define";
import { createApiKey, noteKeyUse, revokeApiKey } from "@/lib/api-keys/operations";
import { activatePendingAssignments, createAccessAssignment, removeAccessAssignment } from "@/lib/access/assignments";
import { updateAccessAssignment } from "@/lib/access/change-assignment";
import { addGroupMember, removeGroupMember } from "@/lib/access/groups";
import {
  endAdminRelationshipTerm,
  lapseAdminRelationship,
  markAdminRelationshipExpiring,
  sendExpiryNotice,
} from "@/lib/admin-relationships/jobs";
import {
  approveAdminRelationship,
  rejectAdminRelationship,
  requestAdminRelationship,
  terminateAdminRelationship,
} from "@/lib/admin-relationships/service";
import { addProduct, changeProduct, removeProduct } from "@/lib/catalog/service";
import { createAdminTemplate, deleteAdminTemplate, updateAdminTemplate } from "@/lib/templates/operations";
import { requestFromTemplate } from "@/lib/templates/request";
import { approveApplication, rejectApplication } from "@/lib/enrollment/decisions";
import { submitApplication, withdrawApplication } from "@/lib/enrollment/service";
import { acceptInvitation, declineInvitation, markInvitationOpened } from "@/lib/invitations/respond";
import { noteInvitationExpired } from "@/lib/invitations/expiry";
import { createInvitation, resendInvitation, revokeInvitation } from "@/lib/invitations/service";
import { offboardPartner, reinstatePartner, suspendPartner } from "@/lib/operator/partners";
import { renameOrganization } from "@/lib/organizations/profile";
import { endPartnership, revokePartnershipInvitation } from "@/lib/partnerships/ending";
import { authorizePartnership, declinePartnership, invitePartnership } from "@/lib/partnerships/service";
import { setLocale } from "@/lib/preferences/locale";
import { removeCustomer, removePartner } from "@/lib/relationships/removal";
import { importSubscriptionRow, importSubscriptions } from "@/lib/subscriptions/import";
import { cancelSubscription, changeSeats, reactivateSubscription, suspendSubscription } from "@/lib/subscriptions/changes";
import { createSubscription, recordSubscription } from "@/lib/subscriptions/service";
import { assignSupport, endSupport, recordSupportAction } from "@/lib/support/service";
import { acceptMemberInvitation, declineMemberInvitation, inviteMember, revokeMemberInvitation } from "@/lib/team/invitations";
import { changeMemberRoles, removeMember } from "@/lib/team/service";
import { recordWebhookAttempt } from "@/lib/webhooks/deliver";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverWebhook,
  replayWebhooks,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "@/lib/webhooks/operations";

/**
 * Every operation of the product, each written once: pages reach them through server
 * actions (lib/actions/action-for.ts), the scheduled job through the executor as the system.
 * registry.test.ts fails when an operation exists that is not listed here, and the
 * authorization matrix and the fuzz test fail when a listed one has no row.
 */
export const OPERATIONS: readonly AnyOperation[] = [
  createApiKey,
  revokeApiKey,
  noteKeyUse,
  createAccessAssignment,
  activatePendingAssignments,
  removeAccessAssignment,
  updateAccessAssignment,
  addGroupMember,
  removeGroupMember,
  lapseAdminRelationship,
  endAdminRelationshipTerm,
  markAdminRelationshipExpiring,
  sendExpiryNotice,
  requestAdminRelationship,
  approveAdminRelationship,
  rejectAdminRelationship,
  terminateAdminRelationship,
  createAdminTemplate,
  updateAdminTemplate,
  deleteAdminTemplate,
  requestFromTemplate,
  addProduct,
  changeProduct,
  removeProduct,
  approveApplication,
  rejectApplication,
  submitApplication,
  withdrawApplication,
  markInvitationOpened,
  acceptInvitation,
  declineInvitation,
  createInvitation,
  resendInvitation,
  revokeInvitation,
  noteInvitationExpired,
  suspendPartner,
  reinstatePartner,
  offboardPartner,
  renameOrganization,
  revokePartnershipInvitation,
  endPartnership,
  invitePartnership,
  authorizePartnership,
  declinePartnership,
  setLocale,
  removeCustomer,
  removePartner,
  importSubscriptionRow,
  importSubscriptions,
  createSubscription,
  recordSubscription,
  changeSeats,
  suspendSubscription,
  reactivateSubscription,
  cancelSubscription,
  assignSupport,
  endSupport,
  recordSupportAction,
  inviteMember,
  acceptMemberInvitation,
  declineMemberInvitation,
  revokeMemberInvitation,
  changeMemberRoles,
  removeMember,
  createWebhookEndpoint,
  updateWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  sendTestWebhook,
  replayWebhooks,
  redeliverWebhook,
  recordWebhookAttempt,
];
