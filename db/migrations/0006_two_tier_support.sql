CREATE TABLE `partnerships` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_id` text NOT NULL,
	`reseller_id` text NOT NULL,
	`email` text NOT NULL,
	`locale` text NOT NULL,
	`token_hash` text NOT NULL,
	`state` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`responded_at` integer,
	`responded_by_user_id` text,
	`ended_at` integer,
	`ended_by_organization_id` text,
	FOREIGN KEY (`provider_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reseller_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnerships_token_hash_unique` ON `partnerships` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `partnerships_open_uq` ON `partnerships` (`provider_id`,`reseller_id`) WHERE state in ('invited', 'active');--> statement-breakpoint
CREATE INDEX `partnerships_provider_created_idx` ON `partnerships` (`provider_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `partnerships_reseller_created_idx` ON `partnerships` (`reseller_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `support_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`assignment_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`user_id` text NOT NULL,
	`note` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `support_assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `support_actions_assignment_idx` ON `support_actions` (`assignment_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `support_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`partner_id` text NOT NULL,
	`state` text NOT NULL,
	`assigned_by_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `support_assignments_active_uq` ON `support_assignments` (`subscription_id`) WHERE state = 'active';--> statement-breakpoint
CREATE INDEX `support_assignments_partner_idx` ON `support_assignments` (`partner_id`,`state`,`customer_id`);--> statement-breakpoint
CREATE INDEX `support_assignments_customer_idx` ON `support_assignments` (`customer_id`,`state`);--> statement-breakpoint
ALTER TABLE `invitations` ADD `provider_id` text REFERENCES organizations(id);--> statement-breakpoint
CREATE INDEX `invitations_provider_created_idx` ON `invitations` (`provider_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `reseller_relationships` ADD `provider_id` text REFERENCES organizations(id);--> statement-breakpoint
ALTER TABLE `reseller_relationships` ADD `reseller_id` text REFERENCES organizations(id);--> statement-breakpoint
CREATE INDEX `reseller_relationships_provider_idx` ON `reseller_relationships` (`provider_id`,`state`);