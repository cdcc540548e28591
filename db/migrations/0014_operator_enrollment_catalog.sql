CREATE TABLE `partner_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`applicant_user_id` text NOT NULL,
	`applicant_email` text NOT NULL,
	`company_name` text NOT NULL,
	`primary_domain` text NOT NULL,
	`country` text NOT NULL,
	`cloud` text NOT NULL,
	`partner_type` text NOT NULL,
	`corporate_domain` text,
	`agreement_version` text NOT NULL,
	`locale` text NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by_user_id` text,
	`rejection_reason` text,
	`partner_id` text,
	FOREIGN KEY (`applicant_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partner_applications_pending_domain_uq` ON `partner_applications` (`cloud`,`primary_domain`) WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX `partner_applications_state_created_idx` ON `partner_applications` (`state`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `partner_applications_applicant_idx` ON `partner_applications` (`applicant_user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`cloud` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`supportable` integer NOT NULL,
	`available` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_cloud_name_uq` ON `products` (`cloud`,`name_key`);--> statement-breakpoint
ALTER TABLE `organizations` ADD `partner_state` text DEFAULT 'active' NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_kind_name_idx` ON `organizations` (`kind`,`name`,`id`);--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `product_id` text REFERENCES products(id);--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `term` text;