CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"subject_type" text,
	"subject_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attached_at" timestamp with time zone,
	CONSTRAINT "uploads_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "legal_aid_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "legal_aid_cases_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"applicant_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"description_enc" text NOT NULL,
	"employer_name" text NOT NULL,
	"employer_address" text NOT NULL,
	"amount_involved_fen" bigint,
	"demand" text NOT NULL,
	"monthly_income_enc" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"subscribe_credits" integer DEFAULT 0 NOT NULL,
	"decide_by" date NOT NULL,
	"assign_by" date,
	"decline_reason" text,
	"lawyer_id" text,
	"outcome" text,
	"amount_recovered_fen" bigint,
	"closing_summary" text,
	"awaiting_reply" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "legal_aid_lawyers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"firm" text NOT NULL,
	"phone" text NOT NULL,
	"specialties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_aid_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "legal_aid_messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_role" text NOT NULL,
	"body_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_cases" ADD CONSTRAINT "legal_aid_cases_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_cases" ADD CONSTRAINT "legal_aid_cases_lawyer_id_legal_aid_lawyers_id_fk" FOREIGN KEY ("lawyer_id") REFERENCES "public"."legal_aid_lawyers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_messages" ADD CONSTRAINT "legal_aid_messages_case_id_legal_aid_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."legal_aid_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_aid_messages" ADD CONSTRAINT "legal_aid_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "uploads_subject" ON "uploads" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "uploads_pending" ON "uploads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "legal_aid_cases_applicant" ON "legal_aid_cases" USING btree ("applicant_id","created_at");--> statement-breakpoint
CREATE INDEX "legal_aid_cases_status" ON "legal_aid_cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "legal_aid_messages_case" ON "legal_aid_messages" USING btree ("case_id","seq");