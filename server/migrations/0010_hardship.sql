CREATE TABLE "hardship_annual_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"per_capita_income_enc" text,
	"circumstances_enc" text NOT NULL,
	"tier_before" text,
	"tier_after" text,
	"tier_reason" text,
	"months_above_dibao" integer,
	"close_reason" text,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "hardship_applications_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"applicant_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" text NOT NULL,
	"org_path" text NOT NULL,
	"status" text DEFAULT 'first_review' NOT NULL,
	"aid_types" jsonb NOT NULL,
	"campaign_id" uuid,
	"applicant_name" text NOT NULL,
	"unit_name" text NOT NULL,
	"contact_phone_enc" text,
	"migrant_worker" boolean DEFAULT false NOT NULL,
	"contract_months" integer,
	"household_enc" text NOT NULL,
	"member_count" integer NOT NULL,
	"main_cause" text NOT NULL,
	"secondary_cause" text,
	"per_capita_income_enc" text NOT NULL,
	"suggested_tier" text,
	"tier" text,
	"tier_reason" text,
	"bank_name" text NOT NULL,
	"account_name" text NOT NULL,
	"account_number_enc" text,
	"account_number_masked" text NOT NULL,
	"pledged_at" timestamp with time zone NOT NULL,
	"due_by" date,
	"paused_on" date,
	"reminded_on" date,
	"publicity_ends_on" date,
	"documents_request" jsonb,
	"first_reviewer_id" uuid,
	"first_reviewed_at" timestamp with time zone,
	"decider_id" uuid,
	"decided_at" timestamp with time zone,
	"rejection_reason" text,
	"approved_total_fen" bigint DEFAULT 0 NOT NULL,
	"paid_total_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"anonymised_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hardship_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"aid_types" jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"budget_fen" bigint NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	"quota" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_file_people" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "hardship_files_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"status" text DEFAULT 'pending' NOT NULL,
	"org_id" text NOT NULL,
	"org_path" text NOT NULL,
	"head_name" text NOT NULL,
	"tier" text,
	"main_cause" text,
	"secondary_cause" text,
	"members_enc" text,
	"per_capita_income_enc" text,
	"archived_on" date,
	"fell_back_on" date,
	"next_review_on" date,
	"review_by" date,
	"lifted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_items" (
	"application_id" uuid NOT NULL,
	"type" text NOT NULL,
	"details_enc" text NOT NULL,
	"basis_fen" bigint,
	"child_hash" text,
	"school_year" integer,
	"event_kind" text,
	"approved_fen" bigint,
	"cap_fen" bigint,
	"decided_year" integer,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "hardship_items_application_id_type_pk" PRIMARY KEY("application_id","type")
);
--> statement-breakpoint
CREATE TABLE "hardship_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"raised_by_enc" text,
	"content_enc" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution_note_enc" text,
	"recorded_by" uuid NOT NULL,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hardship_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"type" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"method" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_proof_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"slot" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"visitors" text NOT NULL,
	"findings_enc" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hardship_visits_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
ALTER TABLE "hardship_annual_reviews" ADD CONSTRAINT "hardship_annual_reviews_file_id_hardship_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_annual_reviews" ADD CONSTRAINT "hardship_annual_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_applications" ADD CONSTRAINT "hardship_applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_applications" ADD CONSTRAINT "hardship_applications_file_id_hardship_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_applications" ADD CONSTRAINT "hardship_applications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_applications" ADD CONSTRAINT "hardship_applications_campaign_id_hardship_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."hardship_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_applications" ADD CONSTRAINT "hardship_applications_first_reviewer_id_users_id_fk" FOREIGN KEY ("first_reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_applications" ADD CONSTRAINT "hardship_applications_decider_id_users_id_fk" FOREIGN KEY ("decider_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_campaigns" ADD CONSTRAINT "hardship_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_file_people" ADD CONSTRAINT "hardship_file_people_file_id_hardship_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."hardship_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_files" ADD CONSTRAINT "hardship_files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_items" ADD CONSTRAINT "hardship_items_application_id_hardship_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."hardship_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_objections" ADD CONSTRAINT "hardship_objections_application_id_hardship_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."hardship_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_objections" ADD CONSTRAINT "hardship_objections_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_objections" ADD CONSTRAINT "hardship_objections_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_payments" ADD CONSTRAINT "hardship_payments_application_id_hardship_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."hardship_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_payments" ADD CONSTRAINT "hardship_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_proof_slots" ADD CONSTRAINT "hardship_proof_slots_application_id_hardship_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."hardship_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_visits" ADD CONSTRAINT "hardship_visits_application_id_hardship_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."hardship_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hardship_visits" ADD CONSTRAINT "hardship_visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hardship_annual_reviews_file" ON "hardship_annual_reviews" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "hardship_applications_applicant" ON "hardship_applications" USING btree ("applicant_id","seq");--> statement-breakpoint
CREATE INDEX "hardship_applications_status" ON "hardship_applications" USING btree ("status","due_by");--> statement-breakpoint
CREATE INDEX "hardship_applications_file" ON "hardship_applications" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "hardship_applications_org" ON "hardship_applications" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_campaigns_open_kind" ON "hardship_campaigns" USING btree ("kind") WHERE "hardship_campaigns"."status" = 'open';--> statement-breakpoint
CREATE INDEX "hardship_file_people_file" ON "hardship_file_people" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "hardship_files_review" ON "hardship_files" USING btree ("status","next_review_on");--> statement-breakpoint
CREATE INDEX "hardship_files_org" ON "hardship_files" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "hardship_objections_application" ON "hardship_objections" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "hardship_payments_application" ON "hardship_payments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "hardship_payments_paid_on" ON "hardship_payments" USING btree ("paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_proof_slots_slot" ON "hardship_proof_slots" USING btree ("application_id","slot");