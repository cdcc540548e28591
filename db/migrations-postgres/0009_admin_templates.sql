CREATE TABLE "admin_template_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"template_id" text NOT NULL,
	"version" integer NOT NULL,
	"roles" jsonb NOT NULL,
	"duration_days" integer NOT NULL,
	"auto_extend" boolean NOT NULL,
	"group_roles" jsonb NOT NULL,
	"created_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "admin_relationships" ADD COLUMN "template_version_id" text;--> statement-breakpoint
ALTER TABLE "admin_template_versions" ADD CONSTRAINT "admin_template_versions_template_id_admin_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."admin_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_template_versions" ADD CONSTRAINT "admin_template_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_templates" ADD CONSTRAINT "admin_templates_partner_id_organizations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admin_template_versions_uq" ON "admin_template_versions" USING btree ("template_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "admin_templates_partner_name_uq" ON "admin_templates" USING btree ("partner_id","name_key") WHERE deleted_at is null;