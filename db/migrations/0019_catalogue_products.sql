CREATE TABLE "catalogue_distributors" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_local" boolean DEFAULT false NOT NULL,
	"address_line" text,
	"postal_code" text,
	"city" text,
	"phone" text,
	"email" text,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_distributors_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_iso_codes" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"edition" text NOT NULL,
	"label" text NOT NULL,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_iso_codes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_loan_agreements" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"partner_organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"terms" text,
	"reminder_days" integer DEFAULT 30 NOT NULL,
	"reminded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_loan_agreements_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "catalogue_loan_agreements_dates" CHECK (ends_on >= starts_on)
);
--> statement-breakpoint
CREATE TABLE "catalogue_product_distributors" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"distributor_id" uuid NOT NULL,
	CONSTRAINT "catalogue_product_distributors_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_product_files" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"caption" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_product_files_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_product_versions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_fields" text[] NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_product_versions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalogue_products" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text DEFAULT 'product' NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"primary_iso_code" text NOT NULL,
	"secondary_iso_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"iso_edition" text NOT NULL,
	"manufacturer" text,
	"average_price_cents" integer,
	"price_date" date,
	"price_source" text,
	"lpp_code" text,
	"lpp_base_cents" integer,
	"lpp_ceiling_cents" integer,
	"dimensions" text,
	"features" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"activities" text[] DEFAULT '{}'::text[] NOT NULL,
	"rooms" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"search_text" text GENERATED ALWAYS AS (immutable_unaccent(lower(name || ' ' || coalesce(manufacturer, '') || ' ' || coalesce(description, '')))) STORED NOT NULL,
	"search_name" text GENERATED ALWAYS AS (immutable_unaccent(lower(name))) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_products_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "catalogue_products_price_dated" CHECK (average_price_cents is null or price_date is not null)
);
--> statement-breakpoint
CREATE TABLE "catalogue_showroom_items" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"location" text NOT NULL,
	"ownership" text NOT NULL,
	"loan_agreement_id" uuid,
	"state" text NOT NULL,
	"serial_number" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_showroom_items_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "trials" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid,
	"professional_name" text,
	"professional_organization" text,
	"product_id" uuid NOT NULL,
	"therapist_user_id" uuid NOT NULL,
	"pathway_id" uuid,
	"context" text NOT NULL,
	"tried_on" date NOT NULL,
	"outcome" text NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"reason_note" text,
	"satisfaction" smallint,
	"opinion" text,
	"acquired_on" date,
	"follow_up_due_on" date,
	"follow_up_reminded_at" timestamp with time zone,
	"followed_up_on" date,
	"usage" text,
	"abandonment_reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"follow_up_note" text,
	"followed_up_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trials_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "trials_person_or_professional" CHECK ((person_id is not null) <> (professional_name is not null)),
	CONSTRAINT "trials_satisfaction_scale" CHECK (satisfaction is null or satisfaction between 1 and 5),
	CONSTRAINT "trials_follow_up_after_acquisition" CHECK (usage is null or acquired_on is not null)
);
--> statement-breakpoint
ALTER TABLE "catalogue_distributors" ADD CONSTRAINT "catalogue_distributors_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_iso_codes" ADD CONSTRAINT "catalogue_iso_codes_imported_by_auth_user_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_iso_codes" ADD CONSTRAINT "catalogue_iso_codes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_loan_agreements" ADD CONSTRAINT "catalogue_loan_agreements_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_loan_agreements" ADD CONSTRAINT "catalogue_loan_agreements_workspace_id_partner_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","partner_organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_product_distributors" ADD CONSTRAINT "catalogue_product_distributors_workspace_id_product_id_catalogue_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."catalogue_products"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_product_distributors" ADD CONSTRAINT "catalogue_product_distributors_workspace_id_distributor_id_catalogue_distributors_workspace_id_id_fk" FOREIGN KEY ("workspace_id","distributor_id") REFERENCES "public"."catalogue_distributors"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_product_files" ADD CONSTRAINT "catalogue_product_files_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_product_files" ADD CONSTRAINT "catalogue_product_files_workspace_id_product_id_catalogue_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."catalogue_products"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_product_versions" ADD CONSTRAINT "catalogue_product_versions_changed_by_auth_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_product_versions" ADD CONSTRAINT "catalogue_product_versions_workspace_id_product_id_catalogue_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."catalogue_products"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_products" ADD CONSTRAINT "catalogue_products_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_products" ADD CONSTRAINT "catalogue_products_updated_by_auth_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_products" ADD CONSTRAINT "catalogue_products_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_showroom_items" ADD CONSTRAINT "catalogue_showroom_items_workspace_id_product_id_catalogue_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."catalogue_products"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_showroom_items" ADD CONSTRAINT "catalogue_showroom_items_workspace_id_loan_agreement_id_catalogue_loan_agreements_workspace_id_id_fk" FOREIGN KEY ("workspace_id","loan_agreement_id") REFERENCES "public"."catalogue_loan_agreements"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_therapist_user_id_auth_user_id_fk" FOREIGN KEY ("therapist_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_followed_up_by_auth_user_id_fk" FOREIGN KEY ("followed_up_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_workspace_id_product_id_catalogue_products_workspace_id_id_fk" FOREIGN KEY ("workspace_id","product_id") REFERENCES "public"."catalogue_products"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_workspace_id_pathway_id_pathways_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pathway_id") REFERENCES "public"."pathways"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_iso_codes_code_unique" ON "catalogue_iso_codes" USING btree ("workspace_id","edition","code");--> statement-breakpoint
CREATE INDEX "catalogue_loan_agreements_ends_idx" ON "catalogue_loan_agreements" USING btree ("workspace_id","ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_product_distributors_unique" ON "catalogue_product_distributors" USING btree ("workspace_id","product_id","distributor_id");--> statement-breakpoint
CREATE INDEX "catalogue_product_distributors_distributor_idx" ON "catalogue_product_distributors" USING btree ("workspace_id","distributor_id");--> statement-breakpoint
CREATE INDEX "catalogue_product_files_product_idx" ON "catalogue_product_files" USING btree ("workspace_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_product_versions_unique" ON "catalogue_product_versions" USING btree ("workspace_id","product_id","version");--> statement-breakpoint
CREATE INDEX "catalogue_products_search_text_trgm" ON "catalogue_products" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalogue_products_iso_idx" ON "catalogue_products" USING btree ("workspace_id","primary_iso_code");--> statement-breakpoint
CREATE INDEX "catalogue_showroom_items_product_idx" ON "catalogue_showroom_items" USING btree ("workspace_id","product_id");--> statement-breakpoint
CREATE INDEX "catalogue_showroom_items_agreement_idx" ON "catalogue_showroom_items" USING btree ("workspace_id","loan_agreement_id");--> statement-breakpoint
CREATE INDEX "trials_product_idx" ON "trials" USING btree ("workspace_id","product_id");--> statement-breakpoint
CREATE INDEX "trials_person_idx" ON "trials" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE INDEX "trials_tried_on_idx" ON "trials" USING btree ("workspace_id","tried_on");--> statement-breakpoint
CREATE INDEX "trials_follow_up_due_idx" ON "trials" USING btree ("workspace_id","follow_up_due_on") WHERE "trials"."follow_up_due_on" is not null and "trials"."usage" is null;