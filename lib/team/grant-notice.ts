import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { ANNOUNCED_ROLES, GRANT_NOTICES } from "@/lib/auth/grants";
import type { Actor } from "@/lib/auth/membership";
import { membersWith } from "@/lib/auth/recipients";
import type { MemberRole } from "@/db/values/roles";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { translatorFor } from "@/lib/i18n/translator";
import { enqueueNotices } from "@/lib/email/notices";

/**
 * Every grant of an admin role (or of the power to manage people) is told to the
 * organization's top admins, in their language, in the transaction that grants it: a person
 * who quietly raised someone is seen doing it. Grants of other roles pass without a word.
 */
export async function announceGrant(
  ctx: ServiceContext,
  tx: Tx,
  p: { organizationId: string; actor: Actor; email: string; granted: readonly MemberRole[]; now: Date; key: string },
) {
  const announced = p.granted.filter((r) => ANNOUNCED_ROLES.includes(r));
  if (announced.length === 0) return;
  const org = await firstRow(
    tx.select({ name: organizations.name, kind: organizations.kind }).from(organizations).where(eq(organizations.id, p.organizationId)),
  );
  if (!org) return;
  const team =
    org.kind === "operator"
      ? "/operator/team"
      : org.kind === "partner"
        ? `/partner/${p.organizationId}/team`
        : `/customer/${p.organizationId}/users`;
  await enqueueNotices(tx, await membersWith(tx, [p.organizationId], GRANT_NOTICES[org.kind]), {
    kind: "rolesGranted",
    outboxKind: "member.roles_granted",
    key: `grant.${p.key}`,
    // The roles are named in each recipient's own language.
    vars: (to) => {
      const roleName = translatorFor(to.locale).t as unknown as (key: string) => string;
      return {
        actor: p.actor.email,
        email: p.email,
        organization: org.name,
        roles: announced.map((r) => roleName(`roles.${r}`)).join(", "),
      };
    },
    url: `${ctx.config.publicBaseUrl}${team}`,
    relatedId: p.organizationId,
    now: p.now,
  });
}
