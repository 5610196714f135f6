-- The copy's update branch compared each new row with its old row through the two transition tables, which the
-- planner takes for one row each: a nested loop of 1,000 × 1,000 rows for a batch of 1,000 products, 27 ms per
-- statement. It now compares each new row with the copy's row of the same id, through the copy's primary key; a row
-- is copied when the copy lacks it or differs, which is also what keeps the copy exact.
CREATE OR REPLACE FUNCTION catalog_browse_copy() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO catalog_browse (id, search_title, platform, region, genres, price, in_stock, release_date)
        SELECT id, coalesce(search_title, ''), platform, region, genres, price, in_stock, release_date FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO catalog_browse AS b (id, search_title, platform, region, genres, price, in_stock, release_date)
        SELECT n.id, coalesce(n.search_title, ''), n.platform, n.region, n.genres, n.price, n.in_stock, n.release_date
        FROM new_rows n
        WHERE NOT EXISTS (
            SELECT 1 FROM catalog_browse c
            WHERE c.id = n.id
              AND (c.search_title, c.platform, c.region, c.genres, c.price, c.in_stock, c.release_date)
                  IS NOT DISTINCT FROM (coalesce(n.search_title, ''), n.platform, n.region, n.genres, n.price, n.in_stock, n.release_date))
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
