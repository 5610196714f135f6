-- catalog_search_query (0006) read a query as every word a prefix. catalog_search_terms (0040) took its place, and no
-- statement has called it since.
DROP FUNCTION catalog_search_query(text);
