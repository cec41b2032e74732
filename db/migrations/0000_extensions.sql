CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (it reads its dictionary); this wrapper pins the dictionary so that
-- generated columns and indexes may use it.
CREATE OR REPLACE FUNCTION immutable_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;
--> statement-breakpoint
-- French sort order for names whatever the server locale (PGlite and CI clusters use C).
CREATE COLLATION IF NOT EXISTS fr_icu (provider = icu, locale = 'fr-FR');
