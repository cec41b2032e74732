CREATE TABLE "funding_application_events" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"status" text NOT NULL,
	"occurred_on" date NOT NULL,
	"amount_cents" bigint,
	"note" text,
	"by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_application_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "funding_applications" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"aid" text NOT NULL,
	"aid_title" text NOT NULL,
	"funder" text NOT NULL,
	"status" text NOT NULL,
	"requested_cents" bigint,
	"granted_cents" bigint,
	"refusal_reason" text,
	"documents" jsonb NOT NULL,
	"submitted_on" date,
	"decided_on" date,
	"paid_on" date,
	"eligibility_warning" text,
	"justification" text,
	"last_step_on" date NOT NULL,
	"reminded_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_applications_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "funding_applications_status" CHECK (status in ('draft', 'submitted', 'more_info_requested', 'accepted', 'refused', 'paid')),
	CONSTRAINT "funding_applications_justified" CHECK (eligibility_warning is null or justification is not null)
);
--> statement-breakpoint
CREATE TABLE "funding_plans" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"household" jsonb NOT NULL,
	"filing_on" date NOT NULL,
	"payment_on" date NOT NULL,
	"figures" jsonb NOT NULL,
	"out_of_pocket_cents" bigint NOT NULL,
	"works_paid_on" date,
	"tax_declaration_due_on" date,
	"tax_declaration_reminded_at" timestamp with time zone,
	"usage_check_due_on" date,
	"usage_check_reminded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_plans_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "funding_projects" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"pathway_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_projects_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "funding_quotes" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"supplier_organization_id" uuid,
	"supplier_name" text,
	"reference" text,
	"issued_on" date NOT NULL,
	"lines" jsonb NOT NULL,
	"excl_tax_cents" bigint NOT NULL,
	"vat_cents" bigint NOT NULL,
	"incl_tax_cents" bigint NOT NULL,
	"eligible_excl_tax_cents" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_quotes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "funding_quotes_supplier" CHECK ((supplier_organization_id is not null) <> (supplier_name is not null)),
	CONSTRAINT "funding_quotes_amounts" CHECK (excl_tax_cents >= 0 and vat_cents >= 0 and incl_tax_cents >= 0)
);
--> statement-breakpoint
ALTER TABLE "funding_application_events" ADD CONSTRAINT "funding_application_events_by_user_id_auth_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application_events" ADD CONSTRAINT "funding_application_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application_events" ADD CONSTRAINT "funding_application_events_workspace_id_application_id_funding_applications_workspace_id_id_fk" FOREIGN KEY ("workspace_id","application_id") REFERENCES "public"."funding_applications"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_workspace_id_plan_id_funding_plans_workspace_id_id_fk" FOREIGN KEY ("workspace_id","plan_id") REFERENCES "public"."funding_plans"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_plans" ADD CONSTRAINT "funding_plans_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_plans" ADD CONSTRAINT "funding_plans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_plans" ADD CONSTRAINT "funding_plans_workspace_id_project_id_funding_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."funding_projects"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_plans" ADD CONSTRAINT "funding_plans_workspace_id_quote_id_funding_quotes_workspace_id_id_fk" FOREIGN KEY ("workspace_id","quote_id") REFERENCES "public"."funding_quotes"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_projects" ADD CONSTRAINT "funding_projects_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_projects" ADD CONSTRAINT "funding_projects_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_projects" ADD CONSTRAINT "funding_projects_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_projects" ADD CONSTRAINT "funding_projects_workspace_id_pathway_id_pathways_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pathway_id") REFERENCES "public"."pathways"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_quotes" ADD CONSTRAINT "funding_quotes_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_quotes" ADD CONSTRAINT "funding_quotes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_quotes" ADD CONSTRAINT "funding_quotes_workspace_id_project_id_funding_projects_workspace_id_id_fk" FOREIGN KEY ("workspace_id","project_id") REFERENCES "public"."funding_projects"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_quotes" ADD CONSTRAINT "funding_quotes_workspace_id_supplier_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","supplier_organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_application_events_idx" ON "funding_application_events" USING btree ("workspace_id","application_id");--> statement-breakpoint
CREATE INDEX "funding_applications_plan_idx" ON "funding_applications" USING btree ("workspace_id","plan_id");--> statement-breakpoint
CREATE INDEX "funding_applications_open_idx" ON "funding_applications" USING btree ("workspace_id","last_step_on") WHERE status in ('submitted', 'more_info_requested', 'accepted');--> statement-breakpoint
CREATE INDEX "funding_plans_project_idx" ON "funding_plans" USING btree ("workspace_id","project_id");--> statement-breakpoint
CREATE INDEX "funding_projects_pathway_idx" ON "funding_projects" USING btree ("workspace_id","pathway_id");--> statement-breakpoint
CREATE INDEX "funding_projects_person_idx" ON "funding_projects" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE INDEX "funding_quotes_project_idx" ON "funding_quotes" USING btree ("workspace_id","project_id");