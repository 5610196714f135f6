-- Catalog at scale: supplier reachability, store prices materialised on products, search columns and indexes,
-- and the scratch list of SKUs a sync run has seen.

-- A supplier whose circuit is open keeps its offers, but they do not count for price or stock until it is back.
ALTER TABLE suppliers
    ADD COLUMN reachable            boolean     NOT NULL DEFAULT true,
    ADD COLUMN reachable_changed_at timestamptz,
    -- Start of the last successful full sync: every offer it did not mark vanished was confirmed then.
    ADD COLUMN last_full_sync_at    timestamptz;

-- Text as search compares it: lowercase, no accents, anything but letters and digits a single space.
-- unaccent() is only STABLE (its dictionary could be swapped); naming the dictionary makes this safe to
-- declare IMMUTABLE, which generated columns and indexes need.
CREATE FUNCTION catalog_search_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^[:alnum:]]+', ' ', 'g'));

-- What full-text search reads: the title and every other title suppliers list the product under.
CREATE FUNCTION catalog_search_document(title text, aliases text[]) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN to_tsvector('simple'::regconfig, catalog_search_text(title || ' ' || array_to_string(aliases, ' ')));

-- A query as full-text search reads it: every word a prefix, all required ("eld rin" finds Elden Ring).
-- NULL when the query has no letters or digits.
CREATE FUNCTION catalog_search_query(query text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT to_tsquery('simple'::regconfig, string_agg(quote_literal(word) || ':*', ' & '))
            FROM unnest(string_to_array(catalog_search_text(query), ' ')) AS word
            WHERE word <> '');

-- The store price: the best offer's cost in the store currency plus margin and the payment fee grossed up.
-- NULL price and in_stock false while no offer can be sold.
ALTER TABLE products
    ADD COLUMN best_offer_id    bigint REFERENCES supplier_offers (id) ON DELETE SET NULL,
    ADD COLUMN price            numeric(18, 2) CHECK (price >= 0),
    ADD COLUMN stock_total      int         NOT NULL DEFAULT 0 CHECK (stock_total >= 0),
    ADD COLUMN in_stock         boolean     NOT NULL DEFAULT false,
    ADD COLUMN price_updated_at timestamptz,
    ADD COLUMN search_title     text GENERATED ALWAYS AS (catalog_search_text(title)) STORED,
    ADD COLUMN search           tsvector GENERATED ALWAYS AS (catalog_search_document(title, aliases)) STORED;

CREATE INDEX products_search ON products USING gin (search);
-- Search matches words, not title trigrams (see catalog_words), so this index would only cost writes.
DROP INDEX products_title_trgm;

-- Every word products are searched by. Typo tolerance corrects each query word to its nearest word here by
-- trigram similarity and then searches the corrected words: a small table to scan for similar words instead of
-- every title. Batches add the words of the products they touch; words are never removed (a stale one only
-- lets a correction find nothing).
CREATE TABLE catalog_words (
    word text COLLATE "C" PRIMARY KEY
);
CREATE INDEX catalog_words_trgm ON catalog_words USING gin (word gin_trgm_ops);
INSERT INTO catalog_words SELECT DISTINCT unnest(tsvector_to_array(search)) FROM products;

-- A product page lists every offer, available or not; and with availability out of the index,
-- a change of price, stock or availability can be a HOT update.
DROP INDEX supplier_offers_product;
CREATE INDEX supplier_offers_product ON supplier_offers (product_id);

-- Sort by bestselling.
CREATE INDEX order_lines_product ON order_lines (product_id);

-- SKUs a running sync has reported, so finishing a full run can find the offers it did not see.
-- UNLOGGED: rewritten every run and worthless after it; a crash empties it, which finishing detects
-- (fewer rows than sync_runs.offers_seen) and then marks nothing vanished.
CREATE UNLOGGED TABLE sync_run_seen (
    run_id bigint NOT NULL,
    sku    text   NOT NULL,
    PRIMARY KEY (run_id, sku)
);
