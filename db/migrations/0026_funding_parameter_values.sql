CREATE TABLE "funding_parameter_values" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"parameter_id" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"value" jsonb NOT NULL,
	"confidence" text NOT NULL,
	"source_title" text NOT NULL,
	"source_url" text NOT NULL,
	"note" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_parameter_values_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "funding_parameter_values_period" CHECK (to_on is null or to_on >= from_on)
);
--> statement-breakpoint
ALTER TABLE "funding_parameter_values" ADD CONSTRAINT "funding_parameter_values_created_by_auth_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_parameter_values" ADD CONSTRAINT "funding_parameter_values_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_parameter_values_parameter_idx" ON "funding_parameter_values" USING btree ("workspace_id","parameter_id");