DROP INDEX "staff_roles_user_role_org";--> statement-breakpoint
ALTER TABLE "staff_roles" ADD COLUMN "scope_id" text;--> statement-breakpoint
ALTER TABLE "staff_invites" ADD COLUMN "scope_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_roles_user_role_org_scope" ON "staff_roles" USING btree ("user_id","role","org_id",coalesce("scope_id", '')) WHERE "staff_roles"."revoked_at" is null;