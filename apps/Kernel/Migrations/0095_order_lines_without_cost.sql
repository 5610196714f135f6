-- A line's cost lives on the keys that filled it (product_keys.unit_cost and cost_currency): a line can be filled
-- from several suppliers and own stock, in several currencies, so one figure per line was never written.
ALTER TABLE order_lines DROP COLUMN unit_cost;
