"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createSubscriptionAction, recordSubscriptionAction } from "@/lib/subscriptions/actions";
import { OUTSIDE_CHANNELS, TERMS } from "@/db/values/subscriptions";

type Product = { id: string; name: string };

function ProductField({ products, errors }: { products: Product[]; errors?: string[] }) {
  const t = useTranslations("subscriptionOps");
  return (
    <Field id="productId" label={t("product")} errors={errors}>
      {(aria) => (
        <select {...aria} name="productId" defaultValue="" className={inputClass}>
          <option value="">{t("chooseProduct")}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The partner of record sells a subscription from the cloud's catalog. */
export function CreateSubscriptionForm({
  partnerId,
  customerId,
  products,
}: {
  partnerId: string;
  customerId: string;
  products: Product[];
}) {
  const t = useTranslations("subscriptionOps");
  const { state, pending, formProps } = useActionForm(createSubscriptionAction, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      {...formProps}
      className="grid gap-4 rounded-md border border-gray-200 bg-white p-4 sm:grid-cols-3"
      aria-labelledby="create-subscription-title"
      noValidate
    >
      <h3 id="create-subscription-title" className="font-medium sm:col-span-3">
        {t("createTitle")}
      </h3>
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="customerId" value={customerId} />
      <ProductField products={products} errors={errors?.productId} />
      <Field id="seats" label={t("seats")} errors={errors?.seats}>
        {(aria) => <input {...aria} name="seats" type="number" min={1} max={100000} defaultValue={1} className={inputClass} />}
      </Field>
      <Field id="term" label={t("term")} errors={errors?.term}>
        {(aria) => (
          <select {...aria} name="term" defaultValue="P1Y" className={inputClass}>
            {TERMS.map((term) => (
              <option key={term} value={term}>
                {t(`terms.${term}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="sm:col-span-3">
        <ActionMessage result={state && !state.ok && !state.fieldErrors ? state : null} />
        <SubmitButton label={t("create")} pendingLabel={t("saving")} pending={pending} />
      </div>
    </form>
  );
}

/** The customer records a subscription it bought directly or under an enterprise agreement, to assign it for support. */
export function RecordSubscriptionForm({ customerId, products }: { customerId: string; products: Product[] }) {
  const t = useTranslations("subscriptionOps");
  const { state, pending, formProps } = useActionForm(recordSubscriptionAction, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      {...formProps}
      className="grid gap-4 rounded-md border border-gray-200 bg-white p-4 sm:grid-cols-2"
      aria-label={t("recordTitle")}
      noValidate
    >
      <input type="hidden" name="customerId" value={customerId} />
      <ProductField products={products} errors={errors?.productId} />
      <Field id="seats" label={t("seats")} errors={errors?.seats}>
        {(aria) => <input {...aria} name="seats" type="number" min={1} max={100000} defaultValue={1} className={inputClass} />}
      </Field>
      <Field id="channel" label={t("channel")} errors={errors?.channel}>
        {(aria) => (
          <select {...aria} name="channel" defaultValue="enterprise_agreement" className={inputClass}>
            {OUTSIDE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`outsideChannels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="termEndsAt" label={t("termEndsAt")} errors={errors?.termEndsAt}>
        {(aria) => <input {...aria} name="termEndsAt" type="date" className={inputClass} />}
      </Field>
      <div className="sm:col-span-2">
        <ActionMessage result={state && !state.ok && !state.fieldErrors ? state : null} />
        <SubmitButton label={t("record")} pendingLabel={t("saving")} pending={pending} />
      </div>
    </form>
  );
}
