-- One card per game: search groups variants (platform, region, edition) by title and counts games, which a cube of
-- variant counts cannot answer (a game on two platforms is one game, not two). The cube, its triggers and the
-- browse-order indexes only cost writes now.
DROP TRIGGER products_facets_insert ON products;
DROP TRIGGER products_facets_update ON products;
DROP TRIGGER products_facets_delete ON products;
DROP FUNCTION catalog_facet_record();
DROP TABLE catalog_facet_cells, catalog_facet_changes;
DROP FUNCTION catalog_price_band(numeric);
DROP INDEX products_by_price, products_by_price_desc, products_by_newest, products_by_title_length;

-- A game page lists the game's other variants.
CREATE INDEX products_by_game ON products (search_title);
