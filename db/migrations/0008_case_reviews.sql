CREATE TABLE "case_review_decisions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"text" text NOT NULL,
	"task_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_review_decisions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_review_items" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_review_id" uuid NOT NULL,
	"pathway_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"position" integer NOT NULL,
	"summary" text,
	"added_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_review_items_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_review_participants" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_review_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_review_participants_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_reviews" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"place" text,
	"organization_id" uuid NOT NULL,
	"organizer_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_reviews_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_review_decisions" ADD CONSTRAINT "case_review_decisions_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_decisions" ADD CONSTRAINT "case_review_decisions_workspace_id_item_id_case_review_items_workspace_id_id_fk" FOREIGN KEY ("workspace_id","item_id") REFERENCES "public"."case_review_items"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_decisions" ADD CONSTRAINT "case_review_decisions_workspace_id_task_id_pathway_tasks_workspace_id_id_fk" FOREIGN KEY ("workspace_id","task_id") REFERENCES "public"."pathway_tasks"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_items" ADD CONSTRAINT "case_review_items_added_by_auth_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_items" ADD CONSTRAINT "case_review_items_workspace_id_case_review_id_case_reviews_workspace_id_id_fk" FOREIGN KEY ("workspace_id","case_review_id") REFERENCES "public"."case_reviews"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_items" ADD CONSTRAINT "case_review_items_workspace_id_pathway_id_pathways_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pathway_id") REFERENCES "public"."pathways"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_participants" ADD CONSTRAINT "case_review_participants_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_review_participants" ADD CONSTRAINT "case_review_participants_workspace_id_case_review_id_case_reviews_workspace_id_id_fk" FOREIGN KEY ("workspace_id","case_review_id") REFERENCES "public"."case_reviews"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_organizer_user_id_auth_user_id_fk" FOREIGN KEY ("organizer_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_workspace_id_organization_id_organizations_workspace_id_id_fk" FOREIGN KEY ("workspace_id","organization_id") REFERENCES "public"."organizations"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_review_decisions_item_idx" ON "case_review_decisions" USING btree ("workspace_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_review_items_pathway_unique" ON "case_review_items" USING btree ("workspace_id","case_review_id","pathway_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_review_participants_unique" ON "case_review_participants" USING btree ("workspace_id","case_review_id","user_id");--> statement-breakpoint
CREATE INDEX "case_review_participants_user_idx" ON "case_review_participants" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "case_reviews_scheduled_idx" ON "case_reviews" USING btree ("workspace_id","scheduled_at");