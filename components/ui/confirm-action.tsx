"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "./action-message";
import { ConfirmForm } from "./confirm-form";
import { useAction, type ServerAction } from "./use-action";

type Props = {
  action: ServerAction<undefined>;
  /** The hidden fields that name what the action acts on. */
  fields: Record<string, string>;
  trigger: string;
  question: string;
  confirmLabel: string;
};

/** A destructive server action behind a confirmation, with its error shown beside it. */
export function ConfirmAction({ action, fields, trigger, question, confirmLabel }: Props) {
  const t = useTranslations("common");
  const [result, dispatch] = useAction(action);
  return (
    <div>
      <ConfirmForm
        action={dispatch}
        trigger={trigger}
        question={question}
        confirmLabel={confirmLabel}
        cancelLabel={t("cancel")}
        pendingLabel={t("working")}
      >
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      </ConfirmForm>
      <ActionMessage result={result} />
    </div>
  );
}
