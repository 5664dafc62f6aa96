-- Geographic search: earth distances over a GiST index (contrib modules, on PostgreSQL and PGlite alike).
CREATE EXTENSION IF NOT EXISTS cube;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS earthdistance;
--> statement-breakpoint
CREATE TABLE "benefits_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefits_coupons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"merchant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"claimed_on" date NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"redeemed_at" timestamp with time zone,
	"shown_lat" double precision,
	"shown_lng" double precision
);
--> statement-breakpoint
CREATE TABLE "benefits_merchants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"district" text NOT NULL,
	"address" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"phone" text NOT NULL,
	"hours" jsonb NOT NULL,
	"description" text,
	"card_pay_percent" integer,
	"card_discount_note" text,
	"credit_code" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone_enc" text NOT NULL,
	"proposed_offers" text DEFAULT '' NOT NULL,
	"applicant_id" uuid,
	"contract_no" text,
	"contract_starts_on" date,
	"contract_ends_on" date,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefits_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"campaign_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"terms" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"stock" integer NOT NULL,
	"claimed" integer DEFAULT 0 NOT NULL,
	"per_member_limit" integer DEFAULT 1 NOT NULL,
	"per_member_daily_limit" integer DEFAULT 1 NOT NULL,
	"valid_days" integer DEFAULT 30 NOT NULL,
	"audience" text DEFAULT 'members' NOT NULL,
	"audience_org_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefits_redemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"coupon_id" uuid,
	"offer_id" uuid,
	"user_id" uuid,
	"member_masked" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"bill_fen" integer,
	"saved_fen" integer NOT NULL,
	"funded_by" text NOT NULL,
	"cashier_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"status" text DEFAULT 'done' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" uuid,
	"undo_reason" text
);
--> statement-breakpoint
CREATE TABLE "benefits_settings" (
	"id" text PRIMARY KEY DEFAULT 'default' NOT NULL,
	"undo_minutes" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefits_settlements" (
	"merchant_id" uuid NOT NULL,
	"month" text NOT NULL,
	"voucher_count" integer NOT NULL,
	"voucher_value_fen" integer NOT NULL,
	"note" text,
	"settled_by" uuid NOT NULL,
	"settled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "benefits_settlements_merchant_id_month_pk" PRIMARY KEY("merchant_id","month")
);
--> statement-breakpoint
CREATE TABLE "benefits_signal_reviews" (
	"key" text PRIMARY KEY NOT NULL,
	"note" text,
	"reviewed_by" uuid NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "benefits_campaigns" ADD CONSTRAINT "benefits_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_coupons" ADD CONSTRAINT "benefits_coupons_offer_id_benefits_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."benefits_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_coupons" ADD CONSTRAINT "benefits_coupons_merchant_id_benefits_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."benefits_merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_coupons" ADD CONSTRAINT "benefits_coupons_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_merchants" ADD CONSTRAINT "benefits_merchants_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_offers" ADD CONSTRAINT "benefits_offers_merchant_id_benefits_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."benefits_merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_offers" ADD CONSTRAINT "benefits_offers_campaign_id_benefits_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."benefits_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_redemptions" ADD CONSTRAINT "benefits_redemptions_merchant_id_benefits_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."benefits_merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_redemptions" ADD CONSTRAINT "benefits_redemptions_coupon_id_benefits_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."benefits_coupons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_redemptions" ADD CONSTRAINT "benefits_redemptions_offer_id_benefits_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."benefits_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_redemptions" ADD CONSTRAINT "benefits_redemptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_redemptions" ADD CONSTRAINT "benefits_redemptions_cashier_id_users_id_fk" FOREIGN KEY ("cashier_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_redemptions" ADD CONSTRAINT "benefits_redemptions_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_settlements" ADD CONSTRAINT "benefits_settlements_merchant_id_benefits_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."benefits_merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_settlements" ADD CONSTRAINT "benefits_settlements_settled_by_users_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefits_signal_reviews" ADD CONSTRAINT "benefits_signal_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benefits_coupons_user" ON "benefits_coupons" USING btree ("user_id","claimed_at");--> statement-breakpoint
CREATE INDEX "benefits_coupons_offer_user" ON "benefits_coupons" USING btree ("offer_id","user_id","claimed_on");--> statement-breakpoint
CREATE INDEX "benefits_merchants_earth" ON "benefits_merchants" USING gist (ll_to_earth("lat", "lng"));--> statement-breakpoint
CREATE INDEX "benefits_merchants_status" ON "benefits_merchants" USING btree ("status","district");--> statement-breakpoint
CREATE INDEX "benefits_merchants_applicant" ON "benefits_merchants" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "benefits_offers_merchant" ON "benefits_offers" USING btree ("merchant_id","status");--> statement-breakpoint
CREATE INDEX "benefits_offers_campaign" ON "benefits_offers" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "benefits_redemptions_code" ON "benefits_redemptions" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "benefits_redemptions_merchant" ON "benefits_redemptions" USING btree ("merchant_id","at");--> statement-breakpoint
CREATE INDEX "benefits_redemptions_user" ON "benefits_redemptions" USING btree ("user_id","at");