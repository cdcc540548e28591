import { getTranslations } from "next-intl/server";
import { SignInForm } from "./sign-in-form";
import { ClientMessages } from "@/components/shell/client-messages";

type Props = { searchParams: Promise<{ email?: string; callbackUrl?: string; redirectTo?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const [t, sp] = await Promise.all([getTranslations("signIn"), searchParams]);
  return (
    <ClientMessages namespaces={["signIn"]}>
      <div className="mx-auto max-w-md space-y-4 rounded-lg border border-gray-200 bg-white p-6">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-gray-700">{t("intro")}</p>
        <SignInForm email={sp.email} redirectTo={sp.redirectTo ?? sp.callbackUrl} />
      </div>
    </ClientMessages>
  );
}
