-- The search text of a value (0202) as an expression the planner inlines: catalog_search_text is immutable, as stored
-- columns need, and calls unaccent, which is stable, so the planner never inlined it, and each call set up an executor
-- for its one expression (fmgr_sql): once per search in catalog_search_terms, and for every product written, in
-- search_title, title_search and the search document. Same expression, same results (100,000 stored titles and
-- documents compared), so stored columns stay valid. Measured on the bench catalog, interleaved:
--   * a whole-title search, the statement the kernel prepares: PostgreSQL CPU 1,267 -> 1,164 us (median of 10 pairs);
--   * the three stored expressions over 100,000 products: 0.73-1.02 -> 0.54-0.69 s;
--   * first syncs' PostgreSQL CPU, two pairs: Kinguin 21.4 / 17.9 -> 20.0 / 17.3 s, Digiflazz 21.2 / 14.9 -> 17.7 / 12.9 s.
CREATE FUNCTION catalog_search_text_inline(value text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary,
        CASE WHEN strpos(value, '.') = 0 THEN regexp_replace(value, '[''’`´]+', '', 'g')
             ELSE regexp_replace(regexp_replace(value, '[''’`´]+', '', 'g'),
                                 '(?<=(^|[^[:alnum:]])[[:alnum:]])\.(?=[[:alnum:]](\.|[^[:alnum:]]|$))', '', 'g')
        END)),
        '[^[:alnum:]]+', ' ', 'g'));

-- The stored columns' function, in PL/pgSQL as catalog_search_document is (0201): its expression is planned once per
-- connection with the text function inlined.
CREATE OR REPLACE FUNCTION catalog_search_text(value text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
BEGIN
    RETURN public.catalog_search_text_inline(value);
END
$$;

CREATE OR REPLACE FUNCTION catalog_search_document(title text, aliases text[]) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
BEGIN
    RETURN to_tsvector('simple'::regconfig, public.catalog_search_text_inline(title || ' ' || array_to_string(aliases, ' ')));
END
$$;

-- catalog_search_terms as in 0203, the query's text worked out inline.
CREATE OR REPLACE FUNCTION catalog_search_terms(query text,
    OUT query_text text, OUT titles text[], OUT typed tsquery, OUT near tsquery, OUT corrected tsquery,
    OUT in_order tsquery, OUT whole_last tsquery)
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
AS $$
DECLARE
    words text[];
    w text;
    is_last boolean;
    numeral text;
    budget int;
    exact_term text;
    near_alternatives text;
    all_alternatives text;
    previous_term text;
    next_words text[];
    known boolean;
    extended boolean;
    typed_parts text[] := '{}';
    near_parts text[] := '{}';
    corrected_parts text[] := '{}';
    pairs text[] := '{}';
    as_roman text[] := '{}';
    as_arabic text[] := '{}';
BEGIN
    query_text := nullif(catalog_search_text_inline(query), '');
    IF query_text IS NULL THEN
        RETURN;
    END IF;
    words := string_to_array(query_text, ' ');
    FOR i IN 1 .. cardinality(words) LOOP
        w := words[i];
        is_last := i = cardinality(words);
        numeral := catalog_numeral(w);
        as_roman := as_roman || CASE WHEN w ~ '^[0-9]+$' THEN coalesce(numeral, w) ELSE w END;
        as_arabic := as_arabic || CASE WHEN w !~ '^[0-9]+$' THEN coalesce(numeral, w) ELSE w END;
        budget := catalog_typo_budget(w);
        near_alternatives := NULL;
        all_alternatives := NULL;
        IF is_last THEN
            -- The first two catalog words from w on: whether some word starts with w, and whether one longer than w does.
            next_words := ARRAY(SELECT c.word FROM catalog_words c WHERE c.word >= w COLLATE "C" ORDER BY c.word LIMIT 2);
            known := coalesce(starts_with(next_words[1], w COLLATE "C"), false);
            extended := next_words[1] IS DISTINCT FROM w OR coalesce(starts_with(next_words[2], w COLLATE "C"), false);
        ELSE
            known := EXISTS (SELECT 1 FROM catalog_words c WHERE c.word = w COLLATE "C");
        END IF;
        IF (numeral IS NULL AND budget > 0 AND NOT known) THEN
            WITH found AS (
                SELECT v.word, catalog_osa(w, v.word, budget) AS distance, left(v.word, 1) = left(w, 1) AS same_first
                FROM (SELECT DISTINCT cv.word FROM catalog_word_variants cv
                      WHERE cv.variant = ANY (ARRAY(SELECT catalog_word_deletes(w, budget)))) v
            ), kept AS (
                SELECT f.word, f.distance FROM found f
                WHERE f.distance <= budget
                  AND (f.same_first OR NOT EXISTS (SELECT 1 FROM found s WHERE s.same_first AND s.distance <= budget))
                ORDER BY f.distance, f.word
                LIMIT 5
            )
            SELECT string_agg(quote_literal(k.word), ' | ') FILTER (WHERE k.distance = 1), string_agg(quote_literal(k.word), ' | ')
            INTO near_alternatives, all_alternatives
            FROM kept k;
        END IF;
        exact_term := quote_literal(w) || CASE WHEN is_last AND extended THEN ':*' ELSE '' END || coalesce(' | ' || quote_literal(numeral), '');
        typed_parts := typed_parts || ('(' || exact_term || ')');
        near_parts := near_parts || ('(' || exact_term || coalesce(' | ' || near_alternatives, '') || ')');
        corrected_parts := corrected_parts || ('(' || exact_term || coalesce(' | ' || all_alternatives, '') || ')');
        IF previous_term IS NOT NULL THEN
            pairs := pairs || ('(' || array_to_string(ARRAY(SELECT format('(%s) <%s> (%s)', previous_term, d, exact_term)
                                                        FROM generate_series(1, 3) AS d), ' | ') || ')');
        END IF;
        previous_term := exact_term;
        IF is_last THEN
            whole_last := to_tsquery('simple', quote_literal(w) || coalesce(' | ' || quote_literal(numeral), ''));
        END IF;
    END LOOP;
    titles := ARRAY[query_text, array_to_string(as_roman, ' '), array_to_string(as_arabic, ' ')];
    typed := to_tsquery('simple', array_to_string(typed_parts, ' & '));
    near := to_tsquery('simple', array_to_string(near_parts, ' & '));
    corrected := to_tsquery('simple', array_to_string(corrected_parts, ' & '));
    in_order := CASE WHEN cardinality(pairs) > 0 THEN to_tsquery('simple', array_to_string(pairs, ' & ')) END;
END
$$;
