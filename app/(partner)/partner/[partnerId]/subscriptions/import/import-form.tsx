"use client";

import { useRef, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Alert } from "@/components/ui/alert";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { importSubscriptionsAction } from "@/lib/subscriptions/actions";

/** Paste or pick a CSV, check it (nothing is written), then import it: all rows or none. */
export function ImportForm({ partnerId, example }: { partnerId: string; example: string }) {
  const t = useTranslations("subscriptionOps.import");
  const { state, pending, formProps } = useActionForm(importSubscriptionsAction);
  const area = useRef<HTMLTextAreaElement>(null);
  const report = state?.ok ? state.data : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const bad = report ? report.rows.filter((r) => r.errors.length > 0).length : 0;
  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file && area.current) area.current.value = await file.text();
  };
  return (
    <div className="space-y-6">
      <form {...formProps} className="space-y-4" noValidate>
        <input type="hidden" name="partnerId" value={partnerId} />
        <div className="space-y-1">
          <label htmlFor="csv-file" className="block text-sm font-medium">
            {t("file")}
          </label>
          <input id="csv-file" type="file" accept=".csv,text/csv" onChange={readFile} className="text-sm" />
        </div>
        <Field id="csv" label={t("csv")} hint={t("csvHint")} errors={errors?.csv}>
          {(aria) => (
            <textarea
              {...aria}
              ref={area}
              name="csv"
              rows={10}
              placeholder={example}
              spellCheck={false}
              className={`${inputClass} font-mono`}
            />
          )}
        </Field>
        <ActionMessage result={state && !state.ok && !state.fieldErrors ? state : null} />
        <div className="flex flex-wrap gap-2">
          <SubmitButton name="mode" value="dry-run" label={t("check")} pendingLabel={t("checking")} pending={pending} variant="secondary" />
          <SubmitButton name="mode" value="import" label={t("import")} pendingLabel={t("importing")} pending={pending} />
        </div>
      </form>
      {report && (
        <section aria-labelledby="import-report" className="space-y-3" aria-live="polite">
          <h2 id="import-report" className="text-lg font-semibold">
            {t("report")}
          </h2>
          {report.fileErrors.length > 0 ? (
            <Alert tone="error" role="alert">
              {report.fileErrors.join(" ")}
            </Alert>
          ) : report.imported > 0 ? (
            <Alert tone="success" role="status">
              {t("imported", { count: report.imported })}
            </Alert>
          ) : bad > 0 ? (
            <Alert tone="warning" role="alert">
              {t("rowsWithErrors", { bad, count: report.rows.length })}
            </Alert>
          ) : (
            <Alert tone="info" role="status">
              {t("allValid", { count: report.rows.length })}
            </Alert>
          )}
          {report.rows.length > 0 && (
            <div className="overflow-x-auto rounded-md border border-gray-200">
              <table className="data-table min-w-full divide-y divide-gray-200 text-sm">
                <caption className="sr-only">{t("report")}</caption>
                <thead className="bg-gray-50">
                  <tr>
                    {[t("line"), t("customer"), t("product"), t("seats"), t("termEnds"), t("status"), t("errors")].map((h) => (
                      <th key={h} scope="col" className="px-4 py-2 text-left font-medium text-gray-700">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100 bg-white">
                  {report.rows.map((r) => (
                    <tr key={r.line} data-testid={`import-line-${r.line}`} className={r.errors.length ? "bg-red-50" : undefined}>
                      <td>{r.line}</td>
                      <td>
                        {r.customerName ?? r.customerDomain}
                        {r.customerName && <span className="block text-xs text-gray-600">{r.customerDomain}</span>}
                      </td>
                      <td>{r.product}</td>
                      <td>{r.seats}</td>
                      <td>{r.termEnds}</td>
                      <td>{r.status}</td>
                      <td className="text-red-800">{r.errors.length ? r.errors.join(" ") : t("ok")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
