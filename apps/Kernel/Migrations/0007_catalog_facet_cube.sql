-- Browsing without words: facet counts from a small cube of product counts instead of aggregating the whole
-- catalog per request, and indexes in the order of each sort so a page is the first rows of an index scan.

-- The price band a facet counts a price in; NULL (no price) is in none.
CREATE FUNCTION catalog_price_band(price numeric) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN price < 10 THEN '0-10' WHEN price < 20 THEN '10-20' WHEN price < 40 THEN '20-40'
                WHEN price < 70 THEN '40-70' WHEN price >= 70 THEN '70+' END;

-- Products counted by every facet key. A row with genre NULL counts products once whatever their genres; a row
-- with a genre counts the products that have it, so a product with two genres is in two genre rows. A few
-- hundred rows: any combination of browse filters sums them in well under a millisecond.
CREATE TABLE catalog_facet_cells (
    genre    text,
    platform text    NOT NULL,
    region   text    NOT NULL,
    band     text,
    in_stock boolean NOT NULL,
    n        bigint  NOT NULL,
    UNIQUE NULLS NOT DISTINCT (genre, platform, region, band, in_stock)
);

-- Changes to the counts, appended by every statement that writes products and folded into the cells every few
-- seconds (FacetCubeFolder). Appending takes no row locks, so concurrent writers never wait on a shared cell;
-- readers sum cells and pending changes, so counts are exact in their own snapshot whenever the fold runs.
CREATE TABLE catalog_facet_changes (
    genre    text,
    platform text    NOT NULL,
    region   text    NOT NULL,
    band     text,
    in_stock boolean NOT NULL,
    n        bigint  NOT NULL
);

-- Transition tables are named per event, and a statement naming one its trigger lacks does not plan, so the rows
-- to count come in as text picked by event; the query around them is the same for all three.
CREATE FUNCTION catalog_facet_record() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('
        INSERT INTO catalog_facet_changes (genre, platform, region, band, in_stock, n)
        SELECT g.genre, r.platform, r.region, catalog_price_band(r.price), r.in_stock, sum(r.sign)
        FROM (%s) r
        CROSS JOIN LATERAL (SELECT NULL::text AS genre UNION ALL SELECT DISTINCT unnest(r.genres)) g
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(r.sign) <> 0
        ', CASE TG_OP
            WHEN 'INSERT' THEN 'SELECT platform, region, genres, price, in_stock, 1 AS sign FROM new_rows'
            WHEN 'DELETE' THEN 'SELECT platform, region, genres, price, in_stock, -1 AS sign FROM old_rows'
            ELSE 'SELECT platform, region, genres, price, in_stock, 1 AS sign FROM new_rows
                  UNION ALL SELECT platform, region, genres, price, in_stock, -1 FROM old_rows' END);
    RETURN NULL;
END
$$;

CREATE TRIGGER products_facets_insert AFTER INSERT ON products
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_facet_record();
CREATE TRIGGER products_facets_update AFTER UPDATE ON products
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_facet_record();
CREATE TRIGGER products_facets_delete AFTER DELETE ON products
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_facet_record();

INSERT INTO catalog_facet_cells (genre, platform, region, band, in_stock, n)
SELECT g.genre, p.platform, p.region, catalog_price_band(p.price), p.in_stock, count(*)
FROM products p
CROSS JOIN LATERAL (SELECT NULL::text AS genre UNION ALL SELECT DISTINCT unnest(p.genres)) g
GROUP BY 1, 2, 3, 4, 5;

-- Browse pages: each sort's order as an index, so the first page reads only its first matching rows.
CREATE INDEX products_by_price ON products (price, id);
CREATE INDEX products_by_price_desc ON products (price DESC NULLS LAST, id);
CREATE INDEX products_by_newest ON products (release_date DESC NULLS LAST, id);
CREATE INDEX products_by_title_length ON products (length(search_title), id);
