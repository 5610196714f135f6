-- Two costs of every search by words, out of the function that works out what a query asks for (0040), each with the
-- same result as before:
--   * A last word no other catalog word starts with is searched as itself, not as a prefix. The index finds a
--     prefix by collecting every match into a bitmap and sorting it, a fifth of PostgreSQL's time for a whole title
--     (the last word of "Crimson Odyssey: Origins" is in a tenth of the bench catalog); a whole word it reads as it is
--     stored. Every word of every product is in catalog_words (0006, written with the products), so no word the
--     prefix could match is missed; a stale word there only keeps the prefix.
--   * catalog_numeral and catalog_typo_budget are expressions the planner inlines. catalog_numeral's lookup in a list
--     of rows was a query started for every word of every search, and the planner does not inline a STRICT function
--     whose body has a CASE; neither needs STRICT to give NULL for NULL.
CREATE OR REPLACE FUNCTION catalog_numeral(word text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN word ~ '^(1?[0-9]|20)$' THEN
                    (ARRAY['ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii',
                           'xviii', 'xix', 'xx'])[word::int - 1]
                ELSE (array_position(ARRAY['ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv',
                                           'xvi', 'xvii', 'xviii', 'xix', 'xx'], word) + 1)::text
           END;

CREATE OR REPLACE FUNCTION catalog_typo_budget(word text) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN word IS NULL THEN NULL WHEN word ~ '[0-9]' THEN 0 WHEN length(word) >= 9 THEN 2 WHEN length(word) >= 5 THEN 1 ELSE 0 END;

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
    query_text := nullif(catalog_search_text(query), '');
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
