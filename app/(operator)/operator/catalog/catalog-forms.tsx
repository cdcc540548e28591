"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Field, FieldErrors, fieldLookClass, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { addProductAction, changeProductAction, removeProductAction } from "@/lib/catalog/actions";

export function AddProductForm({ cloud, cloudName }: { cloud: string; cloudName: string }) {
  const t = useTranslations("catalog");
  const { state, pending, formProps } = useActionForm(addProductAction, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-3" aria-label={t("addTitle", { cloud: cloudName })} noValidate>
      <input type="hidden" name="cloud" value={cloud} />
      <Field id={`add-${cloud}`} label={t("name")} errors={errors?.name}>
        {(aria) => <input {...aria} name="name" maxLength={120} className={`${fieldLookClass} w-72 max-w-full`} />}
      </Field>
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input type="checkbox" name="supportable" defaultChecked />
        {t("supportable")}
      </label>
      <div className="pb-0.5">
        <SubmitButton label={t("add")} pendingLabel={t("adding")} pending={pending} />
      </div>
      <ActionMessage result={state && !state.ok && !state.fieldErrors ? state : null} />
    </form>
  );
}

type Product = { id: string; name: string; supportable: boolean; available: boolean };

export function ProductRow({ product, cloudName }: { product: Product; cloudName: string }) {
  const t = useTranslations("catalog");
  const { state, pending, formProps } = useActionForm(changeProductAction);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <form
        {...formProps}
        className="flex flex-wrap items-center gap-3"
        aria-label={t("changeTitle", { product: product.name, cloud: cloudName })}
        noValidate
      >
        <input type="hidden" name="productId" value={product.id} />
        <div>
          <label htmlFor={`name-${product.id}`} className="sr-only">
            {t("name")}
          </label>
          <input
            id={`name-${product.id}`}
            name="name"
            defaultValue={product.name}
            maxLength={120}
            aria-describedby={`name-${product.id}-error`}
            className={`${inputClass} w-72 max-w-full`}
          />
          <FieldErrors id={`name-${product.id}-error`} messages={errors?.name} />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="supportable" defaultChecked={product.supportable} />
          {t("supportable")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="available" defaultChecked={product.available} />
          {t("available")}
        </label>
        <SubmitButton label={t("save")} pendingLabel={t("saving")} pending={pending} variant="secondary" />
        <ActionMessage result={state && !state.ok && !state.fieldErrors ? state : null} />
      </form>
      <ConfirmAction
        action={removeProductAction}
        fields={{ productId: product.id }}
        trigger={t("remove")}
        question={t("confirmRemove", { product: product.name })}
        confirmLabel={t("removeConfirm")}
      />
    </div>
  );
}
