ALTER TABLE `invitations` ADD `expiry_noted_at` integer;--> statement-breakpoint
CREATE INDEX `invitations_expiry_due_idx` ON `invitations` (`expires_at`) WHERE expiry_noted_at is null and state in ('sent', 'opened');--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `updated_at` integer;--> statement-breakpoint
ALTER TABLE `access_assignments` ADD `updated_at` integer;--> statement-breakpoint
-- Invitations that ran out before this upgrade are noted already: no late events for them.
UPDATE `invitations` SET `expiry_noted_at` = `expires_at` WHERE `state` IN ('sent', 'opened') AND `expires_at` <= CAST(strftime('%s', 'now') AS INTEGER) * 1000;
