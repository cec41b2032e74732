-- A handed-over recommendation sheet is never rewritten: the database refuses to delete a version or to
-- change anything but the portal-sharing flag.
CREATE OR REPLACE FUNCTION recommendation_sheet_versions_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    IF TG_OP = 'DELETE'
      OR (to_jsonb(NEW) - 'shared_with_person') IS DISTINCT FROM (to_jsonb(OLD) - 'shared_with_person') THEN
      RAISE EXCEPTION 'recommendation_sheet_versions are immutable';
    END IF;
    RETURN NEW;
  END $$;
--> statement-breakpoint
CREATE TRIGGER recommendation_sheet_versions_immutable
  BEFORE UPDATE OR DELETE ON recommendation_sheet_versions
  FOR EACH ROW EXECUTE FUNCTION recommendation_sheet_versions_refuse_change();
