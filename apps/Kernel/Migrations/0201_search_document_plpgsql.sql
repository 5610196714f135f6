-- The same document, computed by PL/pgSQL: a SQL function calling a stable one (unaccent, array_to_string) is never
-- inlined, and each call then sets up its own executor. Products compute this on every insert and update: as SQL it
-- took about 40 of the 70 ms a thousand-product insert costs. Same expression, so stored documents stay valid.
CREATE OR REPLACE FUNCTION catalog_search_document(title text, aliases text[]) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
BEGIN
    RETURN to_tsvector('simple'::regconfig, public.catalog_search_text(title || ' ' || array_to_string(aliases, ' ')));
END
$$;
