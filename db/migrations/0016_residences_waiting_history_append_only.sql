-- The waiting-list history is append-only: any UPDATE or DELETE is refused by the database itself.
CREATE OR REPLACE FUNCTION residence_waiting_events_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'residence_waiting_events is append-only'; END $$;
--> statement-breakpoint
CREATE TRIGGER residence_waiting_events_append_only
  BEFORE UPDATE OR DELETE ON residence_waiting_events
  FOR EACH ROW EXECUTE FUNCTION residence_waiting_events_refuse_change();
