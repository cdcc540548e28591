DROP INDEX `invitations_provider_created_idx`;--> statement-breakpoint
CREATE INDEX `invitations_provider_created_idx` ON `invitations` (`provider_id`,`created_at`,`id`);--> statement-breakpoint
DROP INDEX `reseller_relationships_provider_idx`;--> statement-breakpoint
CREATE INDEX `reseller_relationships_provider_idx` ON `reseller_relationships` (`provider_id`,`created_at`,`id`);--> statement-breakpoint
DROP INDEX `admin_relationships_partner_state_idx`;--> statement-breakpoint
CREATE INDEX `admin_relationships_partner_ends_idx` ON `admin_relationships` (`partner_id`,`ends_at`,`id`);--> statement-breakpoint
CREATE INDEX `admin_relationships_partner_state_idx` ON `admin_relationships` (`partner_id`,`state`,`ends_at`,`id`);--> statement-breakpoint
DROP INDEX `partnerships_provider_created_idx`;--> statement-breakpoint
DROP INDEX `partnerships_reseller_created_idx`;--> statement-breakpoint
CREATE INDEX `partnerships_provider_created_idx` ON `partnerships` (`provider_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `partnerships_reseller_created_idx` ON `partnerships` (`reseller_id`,`created_at`,`id`);