ALTER TABLE "form_responses" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "form_responses" ADD COLUMN "search_key" text GENERATED ALWAYS AS (immutable_unaccent(lower(search_text))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "form_responses_search_key_trgm" ON "form_responses" USING gin ("search_key" gin_trgm_ops);