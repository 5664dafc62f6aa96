ALTER TABLE "legal_aid_cases" ALTER COLUMN "contact_phone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "legal_aid_lawyers" ALTER COLUMN "phone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox_messages" ALTER COLUMN "body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "legal_aid_cases" ADD COLUMN "contact_phone_enc" text;--> statement-breakpoint
ALTER TABLE "legal_aid_lawyers" ADD COLUMN "phone_enc" text;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD COLUMN "phone_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "real_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone_hash" text;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD COLUMN "body_enc" text;--> statement-breakpoint
CREATE INDEX "users_phone_hash" ON "users" USING btree ("phone_hash");