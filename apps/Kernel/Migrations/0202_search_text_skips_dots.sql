-- The same text, with the rule for dots inside a word ("S.T.A.L.K.E.R.") applied only to text that has a dot. Its
-- expression, with a look-behind, was half of this function's cost, and a product computes the function three times
-- on every write (search_title, title_search and its search document). The rule only removes dots, so without one
-- the result is the same and stored columns stay valid.
CREATE OR REPLACE FUNCTION catalog_search_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary,
        CASE WHEN strpos(value, '.') = 0 THEN regexp_replace(value, '[''’`´]+', '', 'g')
             ELSE regexp_replace(regexp_replace(value, '[''’`´]+', '', 'g'),
                                 '(?<=(^|[^[:alnum:]])[[:alnum:]])\.(?=[[:alnum:]](\.|[^[:alnum:]]|$))', '', 'g')
        END)),
        '[^[:alnum:]]+', ' ', 'g'));
