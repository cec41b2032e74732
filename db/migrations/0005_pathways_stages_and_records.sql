CREATE TABLE "notifications" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"email_status" text,
	"email_attempts" integer DEFAULT 0 NOT NULL,
	"email_next_attempt_at" timestamp with time zone,
	"email_sent_at" timestamp with time zone,
	"email_last_error" text,
	CONSTRAINT "notifications_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "pathway_journal_entries" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pathway_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"author_user_id" uuid NOT NULL,
	"second_visitor_user_id" uuid,
	"body" text NOT NULL,
	"private" boolean DEFAULT false NOT NULL,
	"corrects_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_journal_entries_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "pathway_solution_options" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pathway_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"professional_assessment" text,
	"person_stance" text,
	"person_words" text,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"other_criteria" text,
	"family_position" text,
	"chosen_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_solution_options_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "pathway_stages" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"required_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_stages_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "pathway_tasks" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pathway_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"assignee_user_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"remind_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_tasks_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "pathway_transitions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pathway_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text,
	"outcome" text,
	"closure_reason" text,
	"by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_transitions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "pathways" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"owning_organization_id" uuid NOT NULL,
	"referent_user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"stage_id" uuid NOT NULL,
	"stage_entered_on" date NOT NULL,
	"opened_on" date NOT NULL,
	"qualification_summary" text,
	"outcome" text,
	"closure_reason" text,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathways_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_journal_entries" ADD CONSTRAINT "pathway_journal_entries_author_user_id_auth_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_journal_entries" ADD CONSTRAINT "pathway_journal_entries_second_visitor_user_id_auth_user_id_fk" FOREIGN KEY ("second_visitor_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_journal_entries" ADD CONSTRAINT "pathway_journal_entries_workspace_id_pathway_id_pathways_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pathway_id") REFERENCES "public"."pathways"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_journal_entries" ADD CONSTRAINT "pathway_journal_entries_workspace_id_corrects_entry_id_pathway_journal_entries_workspace_id_id_fk" FOREIGN KEY ("workspace_id","corrects_entry_id") REFERENCES "public"."pathway_journal_entries"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_solution_options" ADD CONSTRAINT "pathway_solution_options_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_solution_options" ADD CONSTRAINT "pathway_solution_options_workspace_id_pathway_id_pathways_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pathway_id") REFERENCES "public"."pathways"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_stages" ADD CONSTRAINT "pathway_stages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_tasks" ADD CONSTRAINT "pathway_tasks_assignee_user_id_auth_user_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_tasks" ADD CONSTRAINT "pathway_tasks_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_tasks" ADD CONSTRAINT "pathway_tasks_workspace_id_pathway_id_pathways_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pathway_id") REFERENCES "public"."pathways"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_transitions" ADD CONSTRAINT "pathway_transitions_by_user_id_auth_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_transitions" ADD CONSTRAINT "pathway_transitions_workspace_id_pathway_id_pathways_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pathway_id") REFERENCES "public"."pathways"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_transitions" ADD CONSTRAINT "pathway_transitions_workspace_id_from_stage_id_pathway_stages_workspace_id_id_fk" FOREIGN KEY ("workspace_id","from_stage_id") REFERENCES "public"."pathway_stages"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_transitions" ADD CONSTRAINT "pathway_transitions_workspace_id_to_stage_id_pathway_stages_workspace_id_id_fk" FOREIGN KEY ("workspace_id","to_stage_id") REFERENCES "public"."pathway_stages"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_referent_user_id_auth_user_id_fk" FOREIGN KEY ("referent_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_workspace_id_owning_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","owning_organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathways" ADD CONSTRAINT "pathways_workspace_id_stage_id_pathway_stages_workspace_id_id_fk" FOREIGN KEY ("workspace_id","stage_id") REFERENCES "public"."pathway_stages"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("workspace_id","user_id","read_at","created_at");--> statement-breakpoint
CREATE INDEX "notifications_email_due_idx" ON "notifications" USING btree ("email_next_attempt_at") WHERE email_status in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "pathway_journal_pathway_idx" ON "pathway_journal_entries" USING btree ("workspace_id","pathway_id","occurred_at");--> statement-breakpoint
CREATE INDEX "pathway_solution_options_pathway_idx" ON "pathway_solution_options" USING btree ("workspace_id","pathway_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pathway_solution_options_one_chosen" ON "pathway_solution_options" USING btree ("workspace_id","pathway_id") WHERE chosen_on is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "pathway_stages_key_unique" ON "pathway_stages" USING btree ("workspace_id","key");--> statement-breakpoint
CREATE INDEX "pathway_tasks_pathway_idx" ON "pathway_tasks" USING btree ("workspace_id","pathway_id");--> statement-breakpoint
CREATE INDEX "pathway_tasks_assignee_idx" ON "pathway_tasks" USING btree ("workspace_id","assignee_user_id","status","due_date");--> statement-breakpoint
CREATE INDEX "pathway_tasks_reminder_due_idx" ON "pathway_tasks" USING btree ("remind_at") WHERE status = 'open' and reminded_at is null;--> statement-breakpoint
CREATE INDEX "pathway_transitions_pathway_idx" ON "pathway_transitions" USING btree ("workspace_id","pathway_id","effective_on");--> statement-breakpoint
CREATE INDEX "pathways_person_idx" ON "pathways" USING btree ("workspace_id","person_id");--> statement-breakpoint
CREATE INDEX "pathways_referent_idx" ON "pathways" USING btree ("workspace_id","referent_user_id");--> statement-breakpoint
CREATE INDEX "pathways_stage_idx" ON "pathways" USING btree ("workspace_id","stage_id");