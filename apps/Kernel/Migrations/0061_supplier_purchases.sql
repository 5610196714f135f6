-- How each purchase from a supplier ended, as the suppliers app reports it (once per supplier and our line reference):
-- the scoreboard's fill rate and time-to-key, which fulfilment reads to order the suppliers it tries.
CREATE TABLE supplier_purchases (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supplier_code  text          NOT NULL REFERENCES suppliers (code),
    reference      text          NOT NULL CHECK (length(reference) BETWEEN 1 AND 64),
    outcome        text          NOT NULL CHECK (outcome IN ('fulfilled', 'failed')),
    seconds_to_key numeric(12, 3) CHECK (seconds_to_key >= 0),
    at             timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (supplier_code, reference)
);
CREATE INDEX supplier_purchases_recent ON supplier_purchases (supplier_code, at DESC);
