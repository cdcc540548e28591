CREATE TABLE `admin_relationships` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`roles` text NOT NULL,
	`duration_days` integer NOT NULL,
	`auto_extend` integer NOT NULL,
	`state` text NOT NULL,
	`created_by_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`requested_at` integer,
	`activated_at` integer,
	`ends_at` integer,
	`ended_at` integer,
	`decided_by_user_id` text,
	`replaces_id` text,
	FOREIGN KEY (`partner_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `admin_relationships_partner_name_uq` ON `admin_relationships` (`partner_id`,`name_key`);--> statement-breakpoint
CREATE INDEX `admin_relationships_partner_state_idx` ON `admin_relationships` (`partner_id`,`state`,`ends_at`);--> statement-breakpoint
CREATE INDEX `admin_relationships_customer_state_idx` ON `admin_relationships` (`customer_id`,`state`);