DROP INDEX "staff_roles_user_role_org";--> statement-breakpoint
ALTER TABLE "staff_roles" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_roles" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "staff_roles" ADD CONSTRAINT "staff_roles_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_roles_user_role_org" ON "staff_roles" USING btree ("user_id","role","org_id") WHERE "staff_roles"."revoked_at" is null;