CREATE TABLE "housing_application_renewal_reminders" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"expires_on" date NOT NULL,
	"days_before" smallint NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_application_renewal_reminders_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_applications" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"pathway_id" uuid NOT NULL,
	"sne_number" text NOT NULL,
	"system" text NOT NULL,
	"first_filed_on" date NOT NULL,
	"last_renewed_on" date,
	"expires_on" date NOT NULL,
	"status" text NOT NULL,
	"is_transfer" boolean NOT NULL,
	"last_checked_in_sne_on" date,
	"wished_communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"communes_strict" boolean DEFAULT true NOT NULL,
	"wished_typologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_budget_eur" integer,
	"max_steps_climbable" smallint,
	"walking_aid" text,
	"needs_step_free_shower" boolean,
	"needs_lift" boolean,
	"second_bedroom_required" boolean DEFAULT false NOT NULL,
	"floor_preference" text,
	"family_latitude" double precision,
	"family_longitude" double precision,
	"weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cotation_points" integer,
	"cotation_grid_version" text,
	"cotation_as_of" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_applications_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "points_of_interest" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"commune_insee" text NOT NULL,
	"accessible" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_of_interest_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "offer_allocation_committees" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"landlord_organization_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"commune" text NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_allocation_committees_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "offer_refusals" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"primary_reason" text NOT NULL,
	"secondary_reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"stage" text NOT NULL,
	"verbatim" text,
	"would_accept_if" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fixable_by_landlord" text NOT NULL,
	"consequences_explained" boolean DEFAULT false NOT NULL,
	"unit_snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_refusals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"pathway_id" uuid,
	"unit_id" uuid NOT NULL,
	"landlord_organization_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"typology" text NOT NULL,
	"unit_label" text NOT NULL,
	"origin" text NOT NULL,
	"status" text NOT NULL,
	"proposed_on" date NOT NULL,
	"visit_on" date,
	"committee_id" uuid,
	"committee_decision" text,
	"committee_rank" smallint,
	"committee_condition" text,
	"notified_on" date,
	"response_deadline" date,
	"answer" text,
	"answered_on" date,
	"late_reason" text,
	"lease_signed_on" date,
	"moved_in_on" date,
	"reminder_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "housing_application_renewal_reminders" ADD CONSTRAINT "housing_application_renewal_reminders_workspace_id_application_id_housing_applications_workspace_id_id_fk" FOREIGN KEY ("workspace_id","application_id") REFERENCES "public"."housing_applications"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_applications" ADD CONSTRAINT "housing_applications_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_applications" ADD CONSTRAINT "housing_applications_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_applications" ADD CONSTRAINT "housing_applications_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_applications" ADD CONSTRAINT "housing_applications_workspace_id_pathway_id_pathways_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pathway_id") REFERENCES "public"."pathways"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_of_interest" ADD CONSTRAINT "points_of_interest_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_allocation_committees" ADD CONSTRAINT "offer_allocation_committees_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_allocation_committees" ADD CONSTRAINT "offer_allocation_committees_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_allocation_committees" ADD CONSTRAINT "offer_allocation_committees_workspace_id_landlord_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","landlord_organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_refusals" ADD CONSTRAINT "offer_refusals_workspace_id_offer_id_offers_workspace_id_id_fk" FOREIGN KEY ("workspace_id","offer_id") REFERENCES "public"."offers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_workspace_id_pathway_id_pathways_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pathway_id") REFERENCES "public"."pathways"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_workspace_id_unit_id_housing_units_workspace_id_id_fk" FOREIGN KEY ("workspace_id","unit_id") REFERENCES "public"."housing_units"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_workspace_id_programme_id_housing_programmes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","programme_id") REFERENCES "public"."housing_programmes"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_workspace_id_landlord_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","landlord_organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_workspace_id_committee_id_offer_allocation_committees_workspace_id_id_fk" FOREIGN KEY ("workspace_id","committee_id") REFERENCES "public"."offer_allocation_committees"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "housing_application_renewal_reminders_unique" ON "housing_application_renewal_reminders" USING btree ("workspace_id","application_id","expires_on","days_before");--> statement-breakpoint
CREATE UNIQUE INDEX "housing_applications_sne_unique" ON "housing_applications" USING btree ("workspace_id","sne_number");--> statement-breakpoint
CREATE INDEX "housing_applications_pathway_idx" ON "housing_applications" USING btree ("workspace_id","pathway_id");--> statement-breakpoint
CREATE INDEX "housing_applications_person_idx" ON "housing_applications" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE INDEX "housing_applications_expiry_idx" ON "housing_applications" USING btree ("workspace_id","status","expires_on");--> statement-breakpoint
CREATE INDEX "points_of_interest_kind_idx" ON "points_of_interest" USING btree ("workspace_id","kind");--> statement-breakpoint
CREATE INDEX "offer_allocation_committees_landlord_idx" ON "offer_allocation_committees" USING btree ("workspace_id","landlord_organization_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_refusals_offer_unique" ON "offer_refusals" USING btree ("workspace_id","offer_id");--> statement-breakpoint
CREATE INDEX "offers_application_idx" ON "offers" USING btree ("workspace_id","application_id");--> statement-breakpoint
CREATE INDEX "offers_person_idx" ON "offers" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE INDEX "offers_landlord_idx" ON "offers" USING btree ("workspace_id","landlord_organization_id","status");--> statement-breakpoint
CREATE INDEX "offers_deadline_idx" ON "offers" USING btree ("workspace_id","status","response_deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_unit_held_unique" ON "offers" USING btree ("workspace_id","unit_id") WHERE "offers"."status" in ('accepted', 'moved_in');