-- Search relevance: punctuation that joins a word, typo tolerance by edit distance with neighbouring letters
-- swapped counting once, Arabic and Roman numerals as the same word, and per-query ranking terms. SearchSql
-- explains how the terms rank.

-- Punctuation inside a word never splits it: "Clancy's" is "clancys" and "S.T.A.L.K.E.R." is "stalker", as
-- shoppers type them; other punctuation still separates words. Titles already stored are recomputed below.
CREATE OR REPLACE FUNCTION catalog_search_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary,
        regexp_replace(regexp_replace(value, '[''’`´]+', '', 'g'),
                       '(?<=(^|[^[:alnum:]])[[:alnum:]])\.(?=[[:alnum:]](\.|[^[:alnum:]]|$))', '', 'g'))),
        '[^[:alnum:]]+', ' ', 'g'));

-- The title's own words with their positions, apart from the aliases other suppliers list the product under:
-- ranking asks whether the words typed are in the title, and in the order typed (SearchSql.PageOrder).
ALTER TABLE products
    ADD COLUMN title_search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, catalog_search_text(title))) STORED;

-- Stored generated columns are computed on write: rewrite them with the new text, and learn the words.
UPDATE products SET title = title;
INSERT INTO catalog_words SELECT DISTINCT unnest(tsvector_to_array(search)) FROM products ON CONFLICT DO NOTHING;

-- Optimal string alignment distance (Damerau-Levenshtein without editing a substring twice): insertions,
-- deletions, substitutions and swaps of two neighbouring letters each count one. fuzzystrmatch's levenshtein
-- counts a swap as two. Gives up as soon as the distance must exceed max_distance and answers max_distance + 1.
CREATE FUNCTION catalog_osa(a text, b text, max_distance int) RETURNS int
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
    m int := length(a);
    n int := length(b);
    two int[];   -- row i - 2
    one int[];   -- row i - 1
    cur int[];
    cost int;
    best int;
BEGIN
    IF abs(m - n) > max_distance THEN
        RETURN max_distance + 1;
    END IF;
    one := array_fill(0, ARRAY[n + 1], ARRAY[0]);
    FOR j IN 1..n LOOP
        one[j] := j;
    END LOOP;
    FOR i IN 1..m LOOP
        cur := array_fill(0, ARRAY[n + 1], ARRAY[0]);
        cur[0] := i;
        best := i;
        FOR j IN 1..n LOOP
            cost := CASE WHEN substr(a, i, 1) = substr(b, j, 1) THEN 0 ELSE 1 END;
            cur[j] := least(one[j] + 1, cur[j - 1] + 1, one[j - 1] + cost);
            IF i > 1 AND j > 1 AND substr(a, i, 1) = substr(b, j - 1, 1) AND substr(a, i - 1, 1) = substr(b, j, 1) THEN
                cur[j] := least(cur[j], two[j - 2] + 1);
            END IF;
            best := least(best, cur[j]);
        END LOOP;
        IF best > max_distance THEN
            RETURN max_distance + 1;
        END IF;
        two := one;
        one := cur;
    END LOOP;
    RETURN least(one[n], max_distance + 1);
END
$$;

-- A word with up to `depth` letters left out, itself included. Two words within an edit distance of k share a
-- variant with at most k letters left out of each (a swap or a substitution leaves out the same letter in both),
-- so looking up the typed word's variants among the catalog words' finds every candidate (symmetric deletion).
CREATE FUNCTION catalog_word_deletes(word text, depth int) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    WITH RECURSIVE d (variant, level) AS (
        SELECT word, 0
        UNION
        SELECT left(d.variant, i - 1) || substr(d.variant, i + 1), d.level + 1
        FROM d, generate_series(1, length(d.variant)) AS i
        WHERE d.level < depth)
    SELECT DISTINCT variant FROM d
$$;

-- Typos a query word of this length may hold: one from 5 letters, two from 9; none in numbers.
CREATE FUNCTION catalog_typo_budget(word text) RETURNS int
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN word ~ '[0-9]' THEN 0 WHEN length(word) >= 9 THEN 2 WHEN length(word) >= 5 THEN 1 ELSE 0 END;

-- Every catalog word's variants. A query word of m letters with k typos matches a catalog word of n letters; a
-- catalog word needs the same depth as a query word of its length, since any letters the catalog word has beyond
-- the query word's already count as typos.
CREATE TABLE catalog_word_variants (
    variant text COLLATE "C" NOT NULL,
    word    text COLLATE "C" NOT NULL,
    PRIMARY KEY (variant, word)
);

CREATE FUNCTION catalog_words_add_variants() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO catalog_word_variants (variant, word)
    SELECT v, added.word FROM added, catalog_word_deletes(added.word, catalog_typo_budget(added.word)) AS v
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER catalog_words_add_variants AFTER INSERT ON catalog_words
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION catalog_words_add_variants();

INSERT INTO catalog_word_variants (variant, word)
SELECT v, w.word FROM catalog_words w, catalog_word_deletes(w.word, catalog_typo_budget(w.word)) AS v
ON CONFLICT DO NOTHING;

-- The other spelling of a sequel number from 2 to 20: '2' ↔ 'ii'. NULL for any other word ("2077" stays itself).
CREATE FUNCTION catalog_numeral(word text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT CASE WHEN r.roman = word THEN r.arabic::text ELSE r.roman END
            FROM (VALUES (2, 'ii'), (3, 'iii'), (4, 'iv'), (5, 'v'), (6, 'vi'), (7, 'vii'), (8, 'viii'), (9, 'ix'), (10, 'x'),
                         (11, 'xi'), (12, 'xii'), (13, 'xiii'), (14, 'xiv'), (15, 'xv'), (16, 'xvi'), (17, 'xvii'),
                         (18, 'xviii'), (19, 'xix'), (20, 'xx')) AS r (arabic, roman)
            WHERE r.roman = word OR r.arabic::text = word);

-- What a query asks for, once, before products are matched (SearchSql ranks by these):
--   query_text  the query as titles are compared (catalog_search_text)
--   titles      the query, then with its numbers as Roman and as Arabic numerals: a title equal to one is exact
--   typed       every word as typed (or its numeral twin), the last one as a prefix
--   near        typed, each word or one of its corrections with one typo
--   corrected   typed, each word or one of its corrections (what products must match)
--   in_order    each typed word followed by the next within three words; NULL for one word
--   whole_last  the last word as a whole word, not only the start of one
-- A word is corrected only when the catalog has no such word (for the last word, no word starting with it), to
-- its nearest catalog words within its typo budget; a correction changing the first letter only when no other
-- correction exists, since people rarely mistype the first letter.
CREATE FUNCTION catalog_search_terms(query text,
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
        exact_term := quote_literal(w) || CASE WHEN is_last THEN ':*' ELSE '' END || coalesce(' | ' || quote_literal(numeral), '');
        as_roman := as_roman || CASE WHEN w ~ '^[0-9]+$' THEN coalesce(numeral, w) ELSE w END;
        as_arabic := as_arabic || CASE WHEN w !~ '^[0-9]+$' THEN coalesce(numeral, w) ELSE w END;
        budget := catalog_typo_budget(w);
        near_alternatives := NULL;
        all_alternatives := NULL;
        IF (numeral IS NULL AND budget > 0 AND NOT CASE
                WHEN is_last THEN coalesce((SELECT starts_with(c.word, w COLLATE "C") FROM catalog_words c
                                            WHERE c.word >= w COLLATE "C" ORDER BY c.word LIMIT 1), false)
                ELSE EXISTS (SELECT 1 FROM catalog_words c WHERE c.word = w COLLATE "C") END) THEN
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

-- Popularity for relevance: units sold per game (all its editions, platforms and regions share a search title),
-- kept as orders enter or leave the sold statuses (SearchSql.SoldStatuses), so ranking reads one row per game
-- instead of counting order lines for every match.
CREATE TABLE game_sales (
    search_title text PRIMARY KEY,
    sold         bigint NOT NULL
);

CREATE FUNCTION orders_count_game_sales() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    was_sold boolean := TG_OP = 'UPDATE' AND OLD.status IN ('paid', 'fulfilling', 'completed', 'partially_refunded');
    is_sold boolean := NEW.status IN ('paid', 'fulfilling', 'completed', 'partially_refunded');
BEGIN
    IF was_sold <> is_sold THEN
        INSERT INTO game_sales AS g (search_title, sold)
        SELECT p.search_title, sum(l.quantity) * CASE WHEN is_sold THEN 1 ELSE -1 END
        FROM order_lines l JOIN products p ON p.id = l.product_id
        WHERE l.order_id = NEW.id
        GROUP BY p.search_title
        ON CONFLICT (search_title) DO UPDATE SET sold = g.sold + excluded.sold;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER orders_count_game_sales AFTER INSERT OR UPDATE OF status ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_count_game_sales();

INSERT INTO game_sales (search_title, sold)
SELECT p.search_title, sum(l.quantity)
FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
WHERE o.status IN ('paid', 'fulfilling', 'completed', 'partially_refunded')
GROUP BY p.search_title;
