import { getTranslations } from "next-intl/server";
import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { RevokeKey } from "@/components/api-keys/revoke-key";
import { ClientMessages } from "@/components/shell/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Link } from "@/components/ui/link";
import { Section } from "@/components/ui/section";
import { Table, Td } from "@/components/ui/table";
import { WebhookEndpoints } from "@/components/webhooks/endpoint-list";
import { listApiKeys, type ApiKeyStatus } from "@/lib/api-keys/queries";
import { listWebhookEndpoints } from "@/lib/webhooks/queries";
import { grantableScopes } from "@/lib/api-keys/scopes";
import { KEY_LIFETIMES_DAYS } from "@/lib/api-keys/schemas";
import { partnerAbilities } from "@/lib/auth/abilities";
import { memberForPage } from "@/lib/auth/page-guards";
import { db } from "@/lib/db";
import { getFormatter } from "@/lib/i18n/format";

const STATUS_TONE: Record<ApiKeyStatus, BadgeTone> = { active: "green", expired: "gray", revoked: "red" };

export default async function ApiPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const member = await memberForPage(partnerId, "partner", `/partner/${partnerId}/api`);
  const may = partnerAbilities(member);
  if (!may.manageApiKeys && !may.manageWebhooks) return <Forbidden orgName={member.organization.name} />;
  const [t, format, keys, endpoints] = await Promise.all([
    getTranslations(),
    getFormatter(),
    may.manageApiKeys ? listApiKeys(db(), member, new Date()) : [],
    may.manageWebhooks ? listWebhookEndpoints(db(), member) : [],
  ]);
  // Permission names are data; look their labels up untyped.
  const label = t as unknown as (key: string) => string;
  const scopeLabel = (p: string) => label(`permissions.${p}`);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <ClientMessages namespaces={["apiKeys", "webhooks", "common"]}>
      <div className="space-y-6">
        <PageHeader title={t("apiKeys.title")} />
        <p className="max-w-3xl text-sm text-gray-700">
          {t("apiKeys.intro", { org: member.organization.name })}{" "}
          <Link href="/api-reference" className="text-blue-700 underline">
            {t("apiKeys.reference")}
          </Link>
        </p>
        {may.manageApiKeys && (
          <Section id="keys" title={t("apiKeys.keysTitle")}>
            {keys.length === 0 ? (
              <EmptyState>{t("apiKeys.none")}</EmptyState>
            ) : (
              <Table
                caption={t("apiKeys.keysTitle")}
                head={[
                  t("apiKeys.key"),
                  t("apiKeys.scopes"),
                  t("apiKeys.createdBy"),
                  t("apiKeys.expires"),
                  t("apiKeys.lastUsed"),
                  t("apiKeys.status"),
                  t("partner.invitations.actions"),
                ]}
              >
                {keys.map((k) => (
                  <tr key={k.id}>
                    <Td>
                      <span className="font-medium">{k.name}</span> <code className="text-xs text-gray-600">{k.prefix}…</code>
                    </Td>
                    <Td>
                      <ul className="space-y-0.5">
                        {k.scopes.map((s) => (
                          <li key={s}>{scopeLabel(s)}</li>
                        ))}
                      </ul>
                      {k.status === "active" && k.makerLeft && <Alert tone="warning">{t("apiKeys.makerLeft")}</Alert>}
                      {k.status === "active" && k.lostScopes.length > 0 && (
                        <Alert tone="warning">{t("apiKeys.lost", { scopes: k.lostScopes.map(scopeLabel).join(", ") })}</Alert>
                      )}
                    </Td>
                    <Td>{k.createdBy}</Td>
                    <Td className="whitespace-nowrap">
                      <time dateTime={k.expiresAt.toISOString()}>{when(k.expiresAt)}</time>
                    </Td>
                    <Td>
                      {k.lastUsedAt
                        ? t("apiKeys.lastUsedFrom", { when: when(k.lastUsedAt), ip: k.lastUsedIp ?? "" })
                        : t("apiKeys.neverUsed")}
                    </Td>
                    <Td>
                      <Badge tone={STATUS_TONE[k.status]}>
                        {t(k.status === "revoked" ? "apiKeys.revokedState" : `apiKeys.${k.status}`)}
                      </Badge>
                    </Td>
                    <Td>{k.status === "active" && <RevokeKey organizationId={member.organization.id} keyId={k.id} name={k.name} />}</Td>
                  </tr>
                ))}
              </Table>
            )}
          </Section>
        )}
        {may.manageApiKeys && (
          <Section id="new-key" title={t("apiKeys.createTitle")}>
            <CreateKeyForm
              organizationId={member.organization.id}
              scopes={grantableScopes(member).map((id) => ({ id, label: scopeLabel(id) }))}
              lifetimes={[...KEY_LIFETIMES_DAYS]}
            />
          </Section>
        )}
        {may.manageWebhooks && <WebhookEndpoints organizationId={member.organization.id} endpoints={endpoints} when={when} />}
      </div>
    </ClientMessages>
  );
}
