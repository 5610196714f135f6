-- Browsing the whole catalog, or one platform of it, grouped every product into games on each request: about
-- 100 ms at 100k products. The games of those two views are rebuilt with the facet counts (same transaction, same
-- snapshot) and read only while the counts are settled, so they are exactly the copy's games when read.
-- platform: the games with a variant on it; NULL for the whole catalog. The columns are the variants' aggregates
-- browse ranks and filters by: the smallest id, the cheapest price, any in stock, the newest release.
CREATE TABLE catalog_browse_games (
    platform     text,
    search_title text    NOT NULL,
    id           bigint  NOT NULL,
    price        numeric(18,2),
    in_stock     boolean NOT NULL,
    release_date date
);
CREATE INDEX catalog_browse_games_by_platform ON catalog_browse_games (platform);

-- Empty until the next rebuild: a change row makes browsing count live until then, and makes the rebuild due.
INSERT INTO catalog_browse_changes DEFAULT VALUES;
