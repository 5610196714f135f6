-- A product page measures each offer's time to key over its supplier's recent deliveries: their keys by supplier, newest first.
CREATE INDEX product_keys_supplier_sold ON product_keys (supplier_code, sold_at DESC) WHERE status = 'sold' AND source = 'supplier';
