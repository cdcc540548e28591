DROP INDEX "organizations_cloud_partner_public_id_uq";--> statement-breakpoint
DROP INDEX "invitations_provider_created_idx";--> statement-breakpoint
DROP INDEX "reseller_relationships_provider_idx";--> statement-breakpoint
DROP INDEX "audit_events_customer_id_idx";--> statement-breakpoint
DROP INDEX "audit_events_customer_action_id_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_cloud_partner_public_id_uq" ON "organizations" USING btree ("cloud","partner_public_id") WHERE partner_public_id is not null;--> statement-breakpoint
CREATE INDEX "invitations_provider_created_idx" ON "invitations" USING btree ("provider_id","created_at","id") WHERE provider_id is not null;--> statement-breakpoint
CREATE INDEX "reseller_relationships_provider_idx" ON "reseller_relationships" USING btree ("provider_id","created_at","id") WHERE provider_id is not null;--> statement-breakpoint
CREATE INDEX "audit_events_customer_id_idx" ON "audit_events" USING btree ("customer_id","id") WHERE customer_id is not null;--> statement-breakpoint
CREATE INDEX "audit_events_customer_action_id_idx" ON "audit_events" USING btree ("customer_id","action","id") WHERE customer_id is not null;