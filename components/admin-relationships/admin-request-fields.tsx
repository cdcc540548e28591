"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Field, FieldErrors, inputClass } from "@/components/ui/field";

export type PickerRole = { id: string; name: string; description: string; mostPrivileged: boolean };

type Props = {
  roles: PickerRole[];
  errors?: Record<string, string[]>;
  /** The customer's name, for the naming hint; unknown while inviting a new customer. */
  customerName?: string;
  defaults?: { name?: string; roles?: string[]; durationDays?: number; autoExtend?: boolean };
  /** The name field's label and hint, where the name is not a relationship's (a template's). */
  nameLabel?: string;
  nameHint?: string;
  /** Told the ticked roles as they change (a template's group mappings offer only those). */
  onRolesChange?: (roles: string[]) => void;
};

/**
 * Name, duration, a searchable role picker and auto-extend: what a request for admin roles
 * asks. Used alone (request form) and inside the reseller invitation ("include admin roles").
 */
export function AdminRequestFields({ roles, errors, customerName, defaults, nameLabel, nameHint, onRolesChange }: Props) {
  const t = useTranslations("requestAdminRelationship");
  const [filter, setFilter] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set(defaults?.roles ?? []));
  const globalAdmin = roles.some((r) => r.mostPrivileged && chosen.has(r.id));
  useEffect(() => onRolesChange?.(roles.filter((r) => chosen.has(r.id)).map((r) => r.id)), [chosen, roles, onRolesChange]);
  const q = filter.trim().toLowerCase();
  const visible = roles.filter((r) => !q || r.name.toLowerCase().includes(q) || r.description.toLowerCase().includes(q));
  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div className="space-y-5">
      <Field
        id="name"
        label={nameLabel ?? t("name")}
        hint={nameHint ?? (customerName ? t("nameHint", { customer: customerName }) : t("nameHintGeneric"))}
        errors={errors?.name}
      >
        {(aria) => <input {...aria} name="name" maxLength={50} defaultValue={defaults?.name} className={inputClass} />}
      </Field>
      <Field id="durationDays" label={t("duration")} hint={t("durationHint")} errors={errors?.durationDays}>
        {(aria) => (
          <input
            {...aria}
            name="durationDays"
            type="number"
            min={1}
            max={730}
            defaultValue={defaults?.durationDays ?? 730}
            className={`${inputClass} w-40`}
          />
        )}
      </Field>
      <fieldset className="space-y-2" aria-describedby="roles-hint roles-error">
        <legend className="text-sm font-medium">{t("roles")}</legend>
        <p id="roles-hint" className="text-xs text-gray-600">
          {t("rolesHint")}
        </p>
        <label htmlFor="role-filter" className="sr-only">
          {t("filter")}
        </label>
        <input
          id="role-filter"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t("filter")}
          className={`${inputClass} max-w-sm`}
        />
        <ul className="max-h-96 space-y-1 overflow-y-auto rounded-md border border-gray-200 p-2">
          {roles.map((r) => (
            // Hidden by the filter, not removed: a ticked role stays in the form while filtered out.
            <li key={r.id} hidden={!visible.includes(r)}>
              <label className="flex items-start gap-2 rounded px-2 py-1 text-sm hover:bg-gray-50">
                <input
                  type="checkbox"
                  name="roles"
                  value={r.id}
                  checked={chosen.has(r.id)}
                  onChange={(e) => toggle(r.id, e.target.checked)}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{r.name}</span>
                  <span className="block text-gray-600">{r.description}</span>
                </span>
              </label>
            </li>
          ))}
          {visible.length === 0 && <li className="px-2 py-1 text-sm text-gray-600">{t("noMatch")}</li>}
        </ul>
        <FieldErrors id="roles-error" messages={errors?.roles} />
        {globalAdmin && <Alert tone="warning">{t("globalAdminWarning")}</Alert>}
      </fieldset>
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="autoExtend"
            disabled={globalAdmin}
            defaultChecked={defaults?.autoExtend}
            aria-describedby="auto-extend-note"
          />
          {t("autoExtend")}
        </label>
        <p id="auto-extend-note" className="text-xs text-gray-600" aria-live="polite">
          {globalAdmin ? t("autoExtendDisabled") : null}
        </p>
        <FieldErrors id="auto-extend-error" messages={errors?.autoExtend} />
      </div>
    </div>
  );
}
