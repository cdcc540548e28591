CREATE TABLE `access_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`admin_relationship_id` text NOT NULL,
	`group_id` text NOT NULL,
	`roles` text NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`partner_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`admin_relationship_id`) REFERENCES `admin_relationships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `security_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `access_assignments_partner_relationship_idx` ON `access_assignments` (`partner_id`,`admin_relationship_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `access_assignments_live_uq` ON `access_assignments` (`admin_relationship_id`,`group_id`) WHERE state <> 'deleted';--> statement-breakpoint
CREATE TABLE `security_group_members` (
	`partner_id` text NOT NULL,
	`group_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`group_id`, `user_id`),
	FOREIGN KEY (`partner_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `security_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `security_group_members_partner_user_idx` ON `security_group_members` (`partner_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `security_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `security_groups_partner_name_uq` ON `security_groups` (`partner_id`,`name_key`);--> statement-breakpoint
-- Every partner starts with the two standard groups; partners created later get them from lib/access/groups.ts.
INSERT INTO `security_groups` (`id`, `partner_id`, `name`, `name_key`, `created_at`)
SELECT 'grp_' || lower(hex(randomblob(12))), `id`, 'Admin Agents', 'admin agents', CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `organizations` WHERE `kind` = 'partner';--> statement-breakpoint
INSERT INTO `security_groups` (`id`, `partner_id`, `name`, `name_key`, `created_at`)
SELECT 'grp_' || lower(hex(randomblob(12))), `id`, 'Helpdesk Agents', 'helpdesk agents', CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `organizations` WHERE `kind` = 'partner';
