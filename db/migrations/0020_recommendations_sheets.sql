CREATE TABLE "recommendation_sheet_versions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sheet_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"shared_with_person" boolean DEFAULT false NOT NULL,
	"handed_over_by_user_id" uuid NOT NULL,
	"handed_over_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_sheet_versions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "recommendation_sheets" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pathway_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"updated_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_sheets_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "recommendation_sheet_versions" ADD CONSTRAINT "recommendation_sheet_versions_handed_over_by_user_id_auth_user_id_fk" FOREIGN KEY ("handed_over_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_sheet_versions" ADD CONSTRAINT "recommendation_sheet_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_sheet_versions" ADD CONSTRAINT "recommendation_sheet_versions_workspace_id_sheet_id_recommendation_sheets_workspace_id_id_fk" FOREIGN KEY ("workspace_id","sheet_id") REFERENCES "public"."recommendation_sheets"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_sheet_versions" ADD CONSTRAINT "recommendation_sheet_versions_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_sheets" ADD CONSTRAINT "recommendation_sheets_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_sheets" ADD CONSTRAINT "recommendation_sheets_updated_by_user_id_auth_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_sheets" ADD CONSTRAINT "recommendation_sheets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_sheets" ADD CONSTRAINT "recommendation_sheets_workspace_id_pathway_id_pathways_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pathway_id") REFERENCES "public"."pathways"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_sheets" ADD CONSTRAINT "recommendation_sheets_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_sheet_versions_number_idx" ON "recommendation_sheet_versions" USING btree ("workspace_id","sheet_id","version");--> statement-breakpoint
CREATE INDEX "recommendation_sheet_versions_person_idx" ON "recommendation_sheet_versions" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_sheets_pathway_idx" ON "recommendation_sheets" USING btree ("workspace_id","pathway_id");