import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { LOCALES } from "@/lib/i18n/locales";
import { defineOperation } from "@/lib/operations/define";

/** A person's language: the pages' and every email they get. */
export const setLocale = defineOperation({
  name: "preference.locale.set",
  input: z.object({ locale: z.enum(LOCALES, { error: "invalid" }) }),
  authorize: { person: true },
  async run(ctx, { locale }) {
    await ctx.tx.update(users).set({ locale }).where(eq(users.id, ctx.actor.userId));
  },
});
