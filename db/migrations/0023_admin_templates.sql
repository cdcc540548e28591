CREATE TABLE `admin_template_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`version` integer NOT NULL,
	`roles` text NOT NULL,
	`duration_days` integer NOT NULL,
	`auto_extend` integer NOT NULL,
	`group_roles` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `admin_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_template_versions_uq` ON `admin_template_versions` (`template_id`,`version`);--> statement-breakpoint
CREATE TABLE `admin_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_templates_partner_name_uq` ON `admin_templates` (`partner_id`,`name_key`) WHERE deleted_at is null;--> statement-breakpoint
ALTER TABLE `admin_relationships` ADD `template_version_id` text;