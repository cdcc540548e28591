DROP INDEX `invitations_partner_created_idx`;--> statement-breakpoint
DROP INDEX `invitations_partner_email_idx`;--> statement-breakpoint
CREATE INDEX `invitations_partner_created_idx` ON `invitations` (`partner_id`,`created_at`,`id`,`email`,`state`,`expires_at`);--> statement-breakpoint
CREATE INDEX `invitations_partner_email_idx` ON `invitations` (`partner_id`,`email`,`id`,`state`,`expires_at`);