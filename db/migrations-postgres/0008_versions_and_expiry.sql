ALTER TABLE "invitations" ADD COLUMN "expiry_noted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_assignments" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "invitations_expiry_due_idx" ON "invitations" USING btree ("expires_at") WHERE expiry_noted_at is null and state in ('sent', 'opened');--> statement-breakpoint
-- Invitations that ran out before this upgrade are noted already: no late events for them.
UPDATE "invitations" SET "expiry_noted_at" = "expires_at" WHERE "state" IN ('sent', 'opened') AND "expires_at" <= now();
