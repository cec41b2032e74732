CREATE TABLE "housing_buildings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"entrance_label" text NOT NULL,
	"address_line" text,
	"floors_above_ground" smallint,
	"steps_street_to_lobby" smallint,
	"ramp_present" boolean,
	"ramp_slope_pct" numeric(4, 1),
	"ramp_handrail" boolean,
	"entrance_handrail" boolean,
	"entrance_door_automatic" boolean,
	"entrance_door_clear_width_cm" smallint,
	"lift_count" smallint,
	"lift_serves_all_landings" boolean,
	"lift_half_level_steps" smallint,
	"lift_cabin_width_cm" smallint,
	"lift_cabin_depth_cm" smallint,
	"stair_handrails" boolean,
	"automatic_lighting" boolean,
	"mailboxes_reachable" boolean,
	"disabled_parking" boolean,
	"last_check_on" date,
	"last_check_method" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_buildings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_charter_commitments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"charter_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"indicator" text NOT NULL,
	"target" text,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "housing_charter_commitments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_charter_reviews" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"commitment_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"value" text NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_charter_reviews_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_charter_signatures" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"charter_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"signed_on" date NOT NULL,
	"commitment_codes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_charter_signatures_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_charters" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"adopted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_charters_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_landlord_contacts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_landlord_contacts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_landlord_labels" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"label" text NOT NULL,
	"awarded_on" date,
	"expires_on" date,
	"scope" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_landlord_labels_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_landlord_profiles" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"trade_name" text,
	"legal_category" text,
	"insee_legal_category" text,
	"group_name" text,
	"offer_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"adaptation_policy" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_landlord_profiles_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_programme_photos" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"caption" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_programme_photos_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_programmes" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"phase" text NOT NULL,
	"address_line" text,
	"postal_code" text,
	"commune_insee" text NOT NULL,
	"historic_commune_insee" text,
	"latitude" double precision,
	"longitude" double precision,
	"delivery_date" date,
	"units_planned" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"labels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"qpv" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	"search_name" text GENERATED ALWAYS AS (immutable_unaccent(lower(name))) STORED NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_programmes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_units" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"landlord_unit_ref" text NOT NULL,
	"rpls_id" text,
	"floor" smallint NOT NULL,
	"typology" text NOT NULL,
	"bedrooms" smallint NOT NULL,
	"surface_m2" numeric(6, 1),
	"individual_house" boolean DEFAULT false NOT NULL,
	"financing" text NOT NULL,
	"rent_eur" numeric(8, 2),
	"charges_eur" numeric(8, 2),
	"charges_include_heating" boolean,
	"energy_class" text,
	"status" text NOT NULL,
	"available_from" date,
	"lift_serves_landing" boolean,
	"step_free_access_declared" boolean,
	"entrance_door_clear_width_cm" smallint,
	"door_clear_width_min_cm" smallint,
	"internal_steps" smallint,
	"thresholds_max_cm" smallint,
	"shower_type" text,
	"shower_step_cm" smallint,
	"turning_circle_150" boolean,
	"grab_bars" boolean,
	"shower_seat" boolean,
	"wc_raised" boolean,
	"wc_lateral_space" boolean,
	"wc_grab_bar" boolean,
	"wc_separate" boolean,
	"kitchen_passage_150" boolean,
	"bedroom_passage_90" boolean,
	"shutters" text,
	"videophone" boolean,
	"light_path" boolean,
	"visual_doorbell" boolean,
	"visual_contrasts" boolean,
	"simple_signage" boolean,
	"balcony_or_garden" boolean,
	"personalised_fittings" text,
	"works_feasible" boolean,
	"works" text[] DEFAULT '{}'::text[] NOT NULL,
	"works_landlord_commitment" boolean,
	"measured_on" date,
	"measurement_method" text,
	"access_level" text NOT NULL,
	"access_flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_units_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "residence_occupancies" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"moved_in_on" date NOT NULL,
	"moved_out_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residence_occupancies_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "residence_units" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"residence_id" uuid NOT NULL,
	"number" text NOT NULL,
	"typology" text NOT NULL,
	"surface_m2" double precision,
	"rent_cents" integer,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residence_units_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "residence_waiting_entries" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"residence_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"wished_typology" text,
	"position" integer,
	"status" text NOT NULL,
	"status_reason" text,
	"gir_justification" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residence_waiting_entries_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "residence_waiting_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_position" integer,
	"to_position" integer,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residence_waiting_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "residences" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"managing_organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address_line" text,
	"commune_insee" text NOT NULL,
	"finess" text,
	"capacity" integer NOT NULL,
	"gir_min" smallint NOT NULL,
	"gir_max" smallint NOT NULL,
	"min_age" smallint,
	"other_conditions" text,
	"services" text,
	"monthly_price_cents" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residences_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "housing_buildings" ADD CONSTRAINT "housing_buildings_workspace_id_programme_id_housing_programmes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","programme_id") REFERENCES "public"."housing_programmes"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_buildings" ADD CONSTRAINT "housing_buildings_workspace_id_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_charter_commitments" ADD CONSTRAINT "housing_charter_commitments_workspace_id_charter_id_housing_charters_workspace_id_id_fk" FOREIGN KEY ("workspace_id","charter_id") REFERENCES "public"."housing_charters"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_charter_reviews" ADD CONSTRAINT "housing_charter_reviews_workspace_id_commitment_id_housing_charter_commitments_workspace_id_id_fk" FOREIGN KEY ("workspace_id","commitment_id") REFERENCES "public"."housing_charter_commitments"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_charter_reviews" ADD CONSTRAINT "housing_charter_reviews_workspace_id_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_charter_signatures" ADD CONSTRAINT "housing_charter_signatures_workspace_id_charter_id_housing_charters_workspace_id_id_fk" FOREIGN KEY ("workspace_id","charter_id") REFERENCES "public"."housing_charters"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_charter_signatures" ADD CONSTRAINT "housing_charter_signatures_workspace_id_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_charters" ADD CONSTRAINT "housing_charters_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_landlord_contacts" ADD CONSTRAINT "housing_landlord_contacts_workspace_id_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_landlord_labels" ADD CONSTRAINT "housing_landlord_labels_workspace_id_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_landlord_profiles" ADD CONSTRAINT "housing_landlord_profiles_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_landlord_profiles" ADD CONSTRAINT "housing_landlord_profiles_workspace_id_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_programme_photos" ADD CONSTRAINT "housing_programme_photos_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_programme_photos" ADD CONSTRAINT "housing_programme_photos_workspace_id_programme_id_housing_programmes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","programme_id") REFERENCES "public"."housing_programmes"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_programmes" ADD CONSTRAINT "housing_programmes_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_programmes" ADD CONSTRAINT "housing_programmes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_programmes" ADD CONSTRAINT "housing_programmes_workspace_id_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_units" ADD CONSTRAINT "housing_units_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_units" ADD CONSTRAINT "housing_units_workspace_id_programme_id_housing_programmes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","programme_id") REFERENCES "public"."housing_programmes"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_units" ADD CONSTRAINT "housing_units_workspace_id_building_id_housing_buildings_workspace_id_id_fk" FOREIGN KEY ("workspace_id","building_id") REFERENCES "public"."housing_buildings"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_units" ADD CONSTRAINT "housing_units_workspace_id_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_occupancies" ADD CONSTRAINT "residence_occupancies_workspace_id_unit_id_residence_units_workspace_id_id_fk" FOREIGN KEY ("workspace_id","unit_id") REFERENCES "public"."residence_units"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_occupancies" ADD CONSTRAINT "residence_occupancies_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_units" ADD CONSTRAINT "residence_units_workspace_id_residence_id_residences_workspace_id_id_fk" FOREIGN KEY ("workspace_id","residence_id") REFERENCES "public"."residences"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_waiting_entries" ADD CONSTRAINT "residence_waiting_entries_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_waiting_entries" ADD CONSTRAINT "residence_waiting_entries_workspace_id_residence_id_residences_workspace_id_id_fk" FOREIGN KEY ("workspace_id","residence_id") REFERENCES "public"."residences"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_waiting_entries" ADD CONSTRAINT "residence_waiting_entries_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_waiting_events" ADD CONSTRAINT "residence_waiting_events_actor_user_id_auth_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residence_waiting_events" ADD CONSTRAINT "residence_waiting_events_workspace_id_entry_id_residence_waiting_entries_workspace_id_id_fk" FOREIGN KEY ("workspace_id","entry_id") REFERENCES "public"."residence_waiting_entries"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residences" ADD CONSTRAINT "residences_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residences" ADD CONSTRAINT "residences_workspace_id_managing_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","managing_organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "housing_buildings_programme_idx" ON "housing_buildings" USING btree ("workspace_id","programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "housing_charter_commitments_code_unique" ON "housing_charter_commitments" USING btree ("workspace_id","charter_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "housing_charter_reviews_unique" ON "housing_charter_reviews" USING btree ("workspace_id","organization_id","commitment_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "housing_charter_signatures_unique" ON "housing_charter_signatures" USING btree ("workspace_id","charter_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "housing_charters_version_unique" ON "housing_charters" USING btree ("workspace_id","version");--> statement-breakpoint
CREATE INDEX "housing_landlord_contacts_org_idx" ON "housing_landlord_contacts" USING btree ("workspace_id","organization_id");--> statement-breakpoint
CREATE INDEX "housing_landlord_labels_org_idx" ON "housing_landlord_labels" USING btree ("workspace_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "housing_landlord_profiles_org_unique" ON "housing_landlord_profiles" USING btree ("workspace_id","organization_id");--> statement-breakpoint
CREATE INDEX "housing_programme_photos_programme_idx" ON "housing_programme_photos" USING btree ("workspace_id","programme_id");--> statement-breakpoint
CREATE INDEX "housing_programmes_org_idx" ON "housing_programmes" USING btree ("workspace_id","organization_id");--> statement-breakpoint
CREATE INDEX "housing_programmes_search_trgm" ON "housing_programmes" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "housing_units_programme_idx" ON "housing_units" USING btree ("workspace_id","programme_id");--> statement-breakpoint
CREATE INDEX "housing_units_building_idx" ON "housing_units" USING btree ("workspace_id","building_id");--> statement-breakpoint
CREATE INDEX "housing_units_org_status_idx" ON "housing_units" USING btree ("workspace_id","organization_id","status");--> statement-breakpoint
CREATE INDEX "housing_units_status_idx" ON "housing_units" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "residence_occupancies_open_unit" ON "residence_occupancies" USING btree ("workspace_id","unit_id") WHERE moved_out_on is null;--> statement-breakpoint
CREATE INDEX "residence_occupancies_person_idx" ON "residence_occupancies" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "residence_units_number_unique" ON "residence_units" USING btree ("workspace_id","residence_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "residence_waiting_entries_active_person" ON "residence_waiting_entries" USING btree ("workspace_id","residence_id","person_id") WHERE status in ('waiting', 'offered');--> statement-breakpoint
CREATE INDEX "residence_waiting_entries_residence_idx" ON "residence_waiting_entries" USING btree ("workspace_id","residence_id","position");--> statement-breakpoint
CREATE INDEX "residence_waiting_events_entry_idx" ON "residence_waiting_events" USING btree ("workspace_id","entry_id","at");