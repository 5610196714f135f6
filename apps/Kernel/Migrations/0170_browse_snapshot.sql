-- Browsing without words counts games, not products, for every facet; counting distinct games over the whole
-- catalog on each request cost a second at 100k products. Two structures make it cheap:
--   catalog_browse          a narrow copy of the products (only what browse filters, sorts and groups by), kept
--                           by statement triggers, so a page of game cards scans a tenth of the bytes;
--   catalog_browse_facets   the game counts of every combination of browse filters (GROUP BY CUBE), rebuilt by
--                           the kernel (BrowseFacetsRefresher) once writes settle.
-- A write to the copy also appends to catalog_browse_changes, and a rebuild deletes the rows it saw in the same
-- snapshot: in any snapshot, an empty change table means the counts are exactly the copy's, and search counts
-- live otherwise.

CREATE TABLE catalog_browse (
    id           bigint  PRIMARY KEY,
    search_title text    NOT NULL,
    platform     text    NOT NULL,
    region       text    NOT NULL,
    genres       text[]  NOT NULL,
    price        numeric(18,2),
    in_stock     boolean NOT NULL,
    release_date date
);

-- The filters browsing is asked for most: a platform within a price band, and a genre (containment, so GIN).
-- Each index costs every catalog write its upkeep, so there are no more than these two.
CREATE INDEX catalog_browse_by_platform_price ON catalog_browse (platform, price);
CREATE INDEX catalog_browse_by_genres ON catalog_browse USING gin (genres);

CREATE TABLE catalog_browse_changes (
    at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- rolled_up: GROUPING(platform, region, genre, band, in_stock), a bit set (16 platform ... 1 in_stock) for each
-- dimension counted over all its values; a NULL genre or band in a row not rolled up is a product without one.
CREATE TABLE catalog_browse_facets (
    platform  text,
    region    text,
    genre     text,
    band      text,
    in_stock  boolean,
    rolled_up integer NOT NULL,
    games     integer NOT NULL
);
CREATE INDEX catalog_browse_facets_by_set ON catalog_browse_facets (rolled_up);

-- Plpgsql plans a statement when it first runs, so each trigger only ever plans the branch of its own event and
-- never names a transition table it lacks. Updates copy only rows whose browse columns changed, so a re-sync
-- that changes nothing leaves the counts settled.
CREATE FUNCTION catalog_browse_copy() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO catalog_browse (id, search_title, platform, region, genres, price, in_stock, release_date)
        SELECT id, coalesce(search_title, ''), platform, region, genres, price, in_stock, release_date FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO catalog_browse AS b (id, search_title, platform, region, genres, price, in_stock, release_date)
        SELECT n.id, coalesce(n.search_title, ''), n.platform, n.region, n.genres, n.price, n.in_stock, n.release_date
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.search_title, n.platform, n.region, n.genres, n.price, n.in_stock, n.release_date)
              IS DISTINCT FROM (o.search_title, o.platform, o.region, o.genres, o.price, o.in_stock, o.release_date)
        ON CONFLICT (id) DO UPDATE SET search_title = excluded.search_title, platform = excluded.platform,
            region = excluded.region, genres = excluded.genres, price = excluded.price, in_stock = excluded.in_stock,
            release_date = excluded.release_date;
    ELSE
        DELETE FROM catalog_browse b USING old_rows o WHERE b.id = o.id;
    END IF;
    IF FOUND THEN
        INSERT INTO catalog_browse_changes DEFAULT VALUES;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER products_browse_insert AFTER INSERT ON products
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_browse_copy();
CREATE TRIGGER products_browse_update AFTER UPDATE ON products
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_browse_copy();
CREATE TRIGGER products_browse_delete AFTER DELETE ON products
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_browse_copy();

INSERT INTO catalog_browse (id, search_title, platform, region, genres, price, in_stock, release_date)
SELECT id, coalesce(search_title, ''), platform, region, genres, price, in_stock, release_date FROM products;
-- The counts are built by the kernel's first rebuild; until then search counts live.
INSERT INTO catalog_browse_changes DEFAULT VALUES;
