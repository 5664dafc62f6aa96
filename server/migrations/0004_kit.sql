CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "outbox_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"event" text NOT NULL,
	"user_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"credit_subject_type" text,
	"credit_subject_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_runner" text,
	"last_error" text,
	"runs" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscribe_credits" (
	"user_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"credits" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscribe_credits_user_id_subject_type_subject_id_pk" PRIMARY KEY("user_id","subject_type","subject_id")
);
--> statement-breakpoint
DROP INDEX "legal_aid_cases_applicant";--> statement-breakpoint
ALTER TABLE "legal_aid_cases" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD COLUMN "action" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscribe_credits" ADD CONSTRAINT "subscribe_credits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "legal_aid_cases_updated" ON "legal_aid_cases" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "legal_aid_cases_applicant" ON "legal_aid_cases" USING btree ("applicant_id","seq");--> statement-breakpoint
-- Permissions already given move to the one table every line uses.
INSERT INTO "subscribe_credits" ("user_id", "subject_type", "subject_id", "credits")
  SELECT "applicant_id", 'legal_aid_case', "id", "subscribe_credits" FROM "legal_aid_cases";--> statement-breakpoint
INSERT INTO "subscribe_credits" ("user_id", "subject_type", "subject_id", "credits")
  SELECT "user_id", 'membership_application', "id", "subscribe_credits" FROM "membership_applications" WHERE "status" <> 'withdrawn';--> statement-breakpoint
ALTER TABLE "legal_aid_cases" DROP COLUMN "subscribe_credits";--> statement-breakpoint
ALTER TABLE "membership_applications" DROP COLUMN "subscribe_credits";