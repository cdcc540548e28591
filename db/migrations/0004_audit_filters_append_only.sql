CREATE INDEX `audit_events_org_action_id_idx` ON `audit_events` (`organization_id`,`action`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_customer_action_id_idx` ON `audit_events` (`customer_id`,`action`,`id`);--> statement-breakpoint
-- The activity log is append-only: no code path of the app (or a mistake in one) can change or remove history.
CREATE TRIGGER `audit_events_no_update` BEFORE UPDATE ON `audit_events` BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;--> statement-breakpoint
CREATE TRIGGER `audit_events_no_delete` BEFORE DELETE ON `audit_events` BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
