CREATE TABLE "catalogue_search_revisions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"revision" integer NOT NULL,
	CONSTRAINT "catalogue_search_revisions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
DROP INDEX "catalogue_products_search_text_trgm";--> statement-breakpoint
ALTER TABLE "catalogue_search_revisions" ADD CONSTRAINT "catalogue_search_revisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_products" DROP COLUMN "search_text";--> statement-breakpoint
ALTER TABLE "catalogue_products" DROP COLUMN "search_name";--> statement-breakpoint
-- Any change to what the catalogue search reads raises the workspace's revision in the same transaction.
CREATE OR REPLACE FUNCTION catalogue_search_revision_raise() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    changed_workspace uuid;
  BEGIN
    IF TG_OP = 'DELETE' THEN changed_workspace := OLD.workspace_id; ELSE changed_workspace := NEW.workspace_id; END IF;
    INSERT INTO catalogue_search_revisions (workspace_id, id, revision) VALUES (changed_workspace, changed_workspace, 1)
      ON CONFLICT (workspace_id, id) DO UPDATE SET revision = catalogue_search_revisions.revision + 1;
    RETURN NULL;
  END $$;
--> statement-breakpoint
CREATE TRIGGER catalogue_products_search_revision AFTER INSERT OR UPDATE OR DELETE ON catalogue_products
  FOR EACH ROW EXECUTE FUNCTION catalogue_search_revision_raise();
--> statement-breakpoint
CREATE TRIGGER catalogue_showroom_items_search_revision AFTER INSERT OR UPDATE OR DELETE ON catalogue_showroom_items
  FOR EACH ROW EXECUTE FUNCTION catalogue_search_revision_raise();
--> statement-breakpoint
CREATE TRIGGER catalogue_iso_codes_search_revision AFTER INSERT OR UPDATE OR DELETE ON catalogue_iso_codes
  FOR EACH ROW EXECUTE FUNCTION catalogue_search_revision_raise();
