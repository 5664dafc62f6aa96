CREATE TABLE "training_attendance" (
	"session_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"status" text NOT NULL,
	"method" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"marked_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_session_id_enrollment_id_pk" PRIMARY KEY("session_id","enrollment_id")
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "training_certificates_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"enrollment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"number" text NOT NULL,
	"verify_code" text NOT NULL,
	"holder_name" text NOT NULL,
	"attendance_percent" integer NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "training_certificates_enrollment_id_unique" UNIQUE("enrollment_id"),
	CONSTRAINT "training_certificates_number_unique" UNIQUE("number"),
	CONSTRAINT "training_certificates_verify_code_unique" UNIQUE("verify_code")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "training_courses_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"summary" text NOT NULL,
	"organiser" text NOT NULL,
	"teacher" text NOT NULL,
	"mode" text NOT NULL,
	"district" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"online_url" text,
	"capacity" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"waitlist_count" integer DEFAULT 0 NOT NULL,
	"enroll_deadline" timestamp with time zone NOT NULL,
	"audience" text DEFAULT 'members' NOT NULL,
	"fee_fen" integer DEFAULT 0 NOT NULL,
	"subsidy_fen" integer DEFAULT 0 NOT NULL,
	"completion_rule" text NOT NULL,
	"completion_percent" integer DEFAULT 80 NOT NULL,
	"certificate" boolean DEFAULT true NOT NULL,
	"cancel_cutoff_hours" integer DEFAULT 24 NOT NULL,
	"first_session_at" timestamp with time zone,
	"last_session_ends_at" timestamp with time zone,
	"session_count" integer DEFAULT 0 NOT NULL,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	CONSTRAINT "training_courses_seats" CHECK ("training_courses"."seats_taken" >= 0 and "training_courses"."seats_taken" <= "training_courses"."capacity" and "training_courses"."waitlist_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "training_enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "training_enrollments_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"trainee_name" text NOT NULL,
	"trainee_unit" text DEFAULT '' NOT NULL,
	"member" boolean DEFAULT false NOT NULL,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"seated_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"anonymised_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_reminders" (
	"session_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_reminders_session_id_enrollment_id_pk" PRIMARY KEY("session_id","enrollment_id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"topic" text,
	"attendance_closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_settings" (
	"id" text PRIMARY KEY DEFAULT 'default' NOT NULL,
	"waitlist_confirm_hours" integer DEFAULT 24 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "training_subsidy_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "training_subsidy_claims_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"applicant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"certificate_name" text NOT NULL,
	"certificate_no" text NOT NULL,
	"certificate_date" date NOT NULL,
	"certificate_year" integer NOT NULL,
	"employer" text NOT NULL,
	"social_insurance_months" integer NOT NULL,
	"unit_org_id" text NOT NULL,
	"applicant_name" text NOT NULL,
	"rule_amount_fen" integer NOT NULL,
	"payable_fen" integer NOT NULL,
	"approved_amount_fen" integer,
	"quota_year" integer,
	"reject_reason" text,
	"payment_reference" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_subsidy_quotas" (
	"year" integer PRIMARY KEY NOT NULL,
	"quota" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_subsidy_quotas_used" CHECK ("training_subsidy_quotas"."used" >= 0)
);
--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_enrollment_id_training_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."training_enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_enrollment_id_training_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."training_enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrollments" ADD CONSTRAINT "training_enrollments_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrollments" ADD CONSTRAINT "training_enrollments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_reminders" ADD CONSTRAINT "training_reminders_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_reminders" ADD CONSTRAINT "training_reminders_enrollment_id_training_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."training_enrollments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_settings" ADD CONSTRAINT "training_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_subsidy_claims" ADD CONSTRAINT "training_subsidy_claims_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_subsidy_claims" ADD CONSTRAINT "training_subsidy_claims_unit_org_id_orgs_id_fk" FOREIGN KEY ("unit_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_attendance_enrollment" ON "training_attendance" USING btree ("enrollment_id");--> statement-breakpoint
CREATE INDEX "training_certificates_user" ON "training_certificates" USING btree ("user_id","seq");--> statement-breakpoint
CREATE INDEX "training_courses_catalogue" ON "training_courses" USING btree ("status","first_session_at");--> statement-breakpoint
CREATE INDEX "training_courses_org" ON "training_courses" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrollments_live" ON "training_enrollments" USING btree ("course_id","user_id") WHERE "training_enrollments"."status" in ('enrolled', 'waitlisted', 'offered', 'completed', 'not_completed');--> statement-breakpoint
CREATE INDEX "training_enrollments_course" ON "training_enrollments" USING btree ("course_id","status","seq");--> statement-breakpoint
CREATE INDEX "training_enrollments_user" ON "training_enrollments" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "training_enrollments_offers" ON "training_enrollments" USING btree ("offer_expires_at") WHERE "training_enrollments"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "training_sessions_course" ON "training_sessions" USING btree ("course_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_ends" ON "training_sessions" USING btree ("ends_at");--> statement-breakpoint
CREATE INDEX "training_subsidy_claims_applicant" ON "training_subsidy_claims" USING btree ("applicant_id","seq");--> statement-breakpoint
CREATE INDEX "training_subsidy_claims_status" ON "training_subsidy_claims" USING btree ("status","seq");