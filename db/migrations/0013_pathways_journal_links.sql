ALTER TABLE "form_responses" ADD COLUMN "visit_journal_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "pathway_journal_entries" ADD COLUMN "linked_entity_type" text;--> statement-breakpoint
ALTER TABLE "pathway_journal_entries" ADD COLUMN "linked_entity_id" uuid;--> statement-breakpoint
ALTER TABLE "form_responses" ADD CONSTRAINT "form_responses_workspace_id_visit_journal_entry_id_pathway_journal_entries_workspace_id_id_fk" FOREIGN KEY ("workspace_id","visit_journal_entry_id") REFERENCES "public"."pathway_journal_entries"("workspace_id","id") ON DELETE no action ON UPDATE no action;