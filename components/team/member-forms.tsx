"use client";

import { useLocale, useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Field, FieldErrors, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeMemberRolesAction, inviteMemberAction, removeMemberAction, revokeMemberInvitationAction } from "@/lib/team/actions";

type Role = { id: string; name: string };

function RoleBoxes({ roles, checked, describedBy }: { roles: Role[]; checked?: string[]; describedBy?: string }) {
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-1" aria-describedby={describedBy}>
      {roles.map((r) => (
        <label key={r.id} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="roles" value={r.id} defaultChecked={checked?.includes(r.id)} />
          {r.name}
        </label>
      ))}
    </div>
  );
}

/** A member's roles, changed in place; the server keeps at least one administrator. */
export function MemberRolesForm({
  organizationId,
  userId,
  email,
  roles,
  current,
}: {
  organizationId: string;
  userId: string;
  email: string;
  roles: Role[];
  current: string[];
}) {
  const t = useTranslations("team");
  const { state, pending, formProps } = useActionForm(changeMemberRolesAction);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...formProps} className="space-y-2" aria-label={`${t("roles")}: ${email}`}>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="userId" value={userId} />
      <RoleBoxes roles={roles} checked={current} describedBy={`roles-${userId}-error`} />
      <FieldErrors id={`roles-${userId}-error`} messages={errors?.roles} />
      <ActionMessage result={state && !state.ok && !state.fieldErrors ? state : null} />
      <SubmitButton label={t("save")} pendingLabel={t("saving")} pending={pending} variant="secondary" />
    </form>
  );
}

export function RemoveMemberForm({
  organizationId,
  organizationName,
  userId,
  email,
}: {
  organizationId: string;
  organizationName: string;
  userId: string;
  email: string;
}) {
  const t = useTranslations("team");
  return (
    <ConfirmAction
      action={removeMemberAction}
      fields={{ organizationId, userId }}
      trigger={t("remove")}
      question={t("confirmRemove", { email, organization: organizationName })}
      confirmLabel={t("confirmRemoveButton")}
    />
  );
}

export function InviteMemberForm({ organizationId, roles, title }: { organizationId: string; roles: Role[]; title: string }) {
  const t = useTranslations("team");
  const locale = useLocale();
  const { state, pending, formProps } = useActionForm(inviteMemberAction, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...formProps} className="space-y-3 rounded-md border border-gray-200 bg-white p-4" aria-label={title} noValidate>
      <h2 className="text-lg font-semibold">{title}</h2>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="locale" value={locale} />
      <Field id="member-email" label={t("inviteEmail")} errors={errors?.email}>
        {(aria) => <input {...aria} name="email" type="email" autoComplete="off" className={`${inputClass} max-w-md`} />}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium">{t("inviteRoles")}</legend>
        <RoleBoxes roles={roles} describedBy="invite-roles-error" />
        <FieldErrors id="invite-roles-error" messages={errors?.roles} />
      </fieldset>
      <ActionMessage result={state && !state.ok && !state.fieldErrors ? state : null} />
      <SubmitButton label={t("send")} pendingLabel={t("sending")} pending={pending} />
    </form>
  );
}

export function RevokeMemberInvitationForm({
  organizationId,
  invitationId,
  email,
}: {
  organizationId: string;
  invitationId: string;
  email: string;
}) {
  const t = useTranslations("team");
  return (
    <ConfirmAction
      action={revokeMemberInvitationAction}
      fields={{ organizationId, invitationId }}
      trigger={t("revoke")}
      question={t("confirmRevoke", { email })}
      confirmLabel={t("confirmRevokeButton")}
    />
  );
}
