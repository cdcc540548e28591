-- Hand-edited: existing rows get the domain from their organization (SQLite cannot add a NOT NULL column without a default).
DROP INDEX `reseller_relationships_partner_created_idx`;--> statement-breakpoint
DROP INDEX `reseller_relationships_partner_name_idx`;--> statement-breakpoint
ALTER TABLE `reseller_relationships` ADD `customer_domain` text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE `reseller_relationships` SET `customer_domain` = (SELECT `primary_domain` FROM `organizations` WHERE `organizations`.`id` = `reseller_relationships`.`customer_id`);--> statement-breakpoint
CREATE INDEX `reseller_relationships_partner_created_idx` ON `reseller_relationships` (`partner_id`,`created_at`,`id`,`customer_name`,`customer_domain`);--> statement-breakpoint
CREATE INDEX `reseller_relationships_partner_name_idx` ON `reseller_relationships` (`partner_id`,`customer_name`,`id`,`customer_domain`);
