CREATE TABLE "caregivers" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text,
	"phone" text,
	"email" text,
	"is_main" boolean DEFAULT false NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "caregivers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"given_on" date NOT NULL,
	"scope" text,
	"recorded_by" uuid NOT NULL,
	"withdrawn_on" date,
	"withdrawal_reason" text,
	"withdrawn_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"birth_date" date,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "household_members_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "person_professionals" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"organization" text,
	"phone" text,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "person_professionals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"channel" text NOT NULL,
	"raised_by_user_id" uuid NOT NULL,
	"raised_by_organization_id" uuid NOT NULL,
	"signalled_by_name" text,
	"signalled_by_contact" text,
	"person_id" uuid,
	"subject_first_name" text,
	"subject_last_name" text,
	"subject_birth_date" date,
	"subject_approximate_age" integer,
	"subject_address" text,
	"subject_commune_insee" text,
	"subject_phone" text,
	"description" text NOT NULL,
	"difficulties" text[] DEFAULT '{}'::text[] NOT NULL,
	"urgency" text NOT NULL,
	"consent" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"pathway_id" uuid,
	"redirected_to_organization_id" uuid,
	"redirected_to_name" text,
	"redirect_reason" text,
	"closure_reason" text,
	"closure_comment" text,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"search_text" text GENERATED ALWAYS AS (immutable_unaccent(lower(coalesce(subject_first_name, '') || ' ' || coalesce(subject_last_name, '') || ' ' || coalesce(signalled_by_name, '') || ' ' || description))) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_team_members" ADD COLUMN "role_label" text;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD COLUMN "consent_id" uuid;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD COLUMN "removed_by" uuid;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD COLUMN "removal_reason" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "civility" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "birth_name" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "mobile_phone" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "preferred_channel" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "address_line" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "historic_commune_insee" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "tenure" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "landlord_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "dwelling_type" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "floor" smallint;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "has_lift" boolean;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "bathroom_type" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "stairs_inside" boolean;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "resources_band" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "gir" smallint;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "gir_assessed_on" date;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "gir_source" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "legal_protection_kind" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "protector_name" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "protector_contact" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "health_note" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "merged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "caregivers" ADD CONSTRAINT "caregivers_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_auth_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawn_by_auth_user_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_professionals" ADD CONSTRAINT "person_professionals_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_raised_by_user_id_auth_user_id_fk" FOREIGN KEY ("raised_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_decided_by_user_id_auth_user_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_workspace_id_raised_by_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","raised_by_organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_workspace_id_pathway_id_pathways_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pathway_id") REFERENCES "public"."pathways"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_workspace_id_redirected_to_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","redirected_to_organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "caregivers_person_idx" ON "caregivers" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "caregivers_one_main" ON "caregivers" USING btree ("workspace_id","person_id") WHERE is_main;--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "consents" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE INDEX "household_members_person_idx" ON "household_members" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE INDEX "person_professionals_person_idx" ON "person_professionals" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE INDEX "referrals_queue_idx" ON "referrals" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE INDEX "referrals_raised_by_idx" ON "referrals" USING btree ("workspace_id","raised_by_user_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_search_trgm" ON "referrals" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_removed_by_auth_user_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_workspace_id_consent_id_consents_workspace_id_id_fk" FOREIGN KEY ("workspace_id","consent_id") REFERENCES "public"."consents"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_workspace_id_landlord_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","landlord_organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_workspace_id_merged_into_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","merged_into_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_team_members_active_unique" ON "case_team_members" USING btree ("workspace_id","person_id","user_id") WHERE removed_at is null;--> statement-breakpoint
CREATE INDEX "persons_birth_date_idx" ON "persons" USING btree ("workspace_id","birth_date");