CREATE TABLE "aggir_assessments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"pathway_id" uuid,
	"assessed_on" date NOT NULL,
	"evaluator_user_id" uuid NOT NULL,
	"ratings" jsonb NOT NULL,
	"gir" smallint NOT NULL,
	"rank" smallint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aggir_assessments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "aggir_assessments" ADD CONSTRAINT "aggir_assessments_evaluator_user_id_auth_user_id_fk" FOREIGN KEY ("evaluator_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aggir_assessments" ADD CONSTRAINT "aggir_assessments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aggir_assessments" ADD CONSTRAINT "aggir_assessments_workspace_id_person_id_persons_workspace_id_id_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."persons"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aggir_assessments" ADD CONSTRAINT "aggir_assessments_workspace_id_pathway_id_pathways_workspace_id_id_fk" FOREIGN KEY ("workspace_id","pathway_id") REFERENCES "public"."pathways"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aggir_assessments_person_idx" ON "aggir_assessments" USING btree ("workspace_id","person_id","assessed_on");