-- Hand-edited: existing rows get the name from their organization (SQLite cannot add a NOT NULL column without a default).
ALTER TABLE `reseller_relationships` ADD `customer_name` text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE `reseller_relationships` SET `customer_name` = (SELECT `name` FROM `organizations` WHERE `organizations`.`id` = `reseller_relationships`.`customer_id`);--> statement-breakpoint
CREATE INDEX `reseller_relationships_partner_name_idx` ON `reseller_relationships` (`partner_id`,`customer_name`,`id`);
