CREATE TABLE "housing_income_ceilings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"financing" text NOT NULL,
	"household_size" smallint NOT NULL,
	"valid_from" date NOT NULL,
	"ceiling_eur" integer NOT NULL,
	"source" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_income_ceilings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "housing_matching_settings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"residence_gir_min" smallint,
	"residence_gir_max" smallint,
	"asv_max_gir" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "housing_matching_settings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "housing_applications" ADD COLUMN "household_size" smallint;--> statement-breakpoint
ALTER TABLE "housing_applications" ADD COLUMN "reference_income_eur" integer;--> statement-breakpoint
ALTER TABLE "housing_applications" ADD COLUMN "reference_income_year" smallint;--> statement-breakpoint
ALTER TABLE "housing_applications" ADD COLUMN "wished_services" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "housing_income_ceilings" ADD CONSTRAINT "housing_income_ceilings_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_income_ceilings" ADD CONSTRAINT "housing_income_ceilings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "housing_matching_settings" ADD CONSTRAINT "housing_matching_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "housing_income_ceilings_unique" ON "housing_income_ceilings" USING btree ("workspace_id","financing","household_size","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "housing_matching_settings_workspace_unique" ON "housing_matching_settings" USING btree ("workspace_id");