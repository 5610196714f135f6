-- Countries where a supplier says an offer's keys do not work (Kinguin's countryLimitation). The region check refuses a
-- country every offer of a product excludes; fulfilment skips an offer that excludes the buyer's country.
ALTER TABLE supplier_offers ADD COLUMN excluded_countries text[] NOT NULL DEFAULT '{}';
