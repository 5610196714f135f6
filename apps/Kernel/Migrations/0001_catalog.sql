-- Catalog: suppliers, matched products, the suppliers' offers for them, and what prices are built from.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE suppliers (
    code       text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,31}$'),
    name       text        NOT NULL,
    enabled    boolean     NOT NULL DEFAULT true,
    currency   char(3)     NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- 1 unit of currency = rate_to_store units of the store currency.
CREATE TABLE currency_rates (
    currency      char(3) PRIMARY KEY CHECK (currency ~ '^[A-Z]{3}$'),
    rate_to_store numeric(20, 10) NOT NULL CHECK (rate_to_store > 0),
    updated_at    timestamptz     NOT NULL DEFAULT now()
);

CREATE TABLE products (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             text        NOT NULL UNIQUE,
    -- normalised title | platform | region | edition: listings with the same key are the same product.
    match_key        text        NOT NULL UNIQUE,
    title            text        NOT NULL,
    aliases          text[]      NOT NULL DEFAULT '{}',
    platform         text        NOT NULL,
    region           text        NOT NULL,
    edition          text        NOT NULL DEFAULT 'Standard',
    genres           text[]      NOT NULL DEFAULT '{}',
    release_date     date,
    description      text        NOT NULL DEFAULT '',
    activation_notes text        NOT NULL DEFAULT '',
    image_url        text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_title_trgm ON products USING gin (lower(title) gin_trgm_ops);

CREATE TABLE supplier_offers (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supplier_code       text        NOT NULL REFERENCES suppliers (code),
    supplier_sku        text        NOT NULL,
    product_id          bigint      REFERENCES products (id),
    title               text        NOT NULL,
    platform            text        NOT NULL,
    region              text        NOT NULL,
    edition             text        NOT NULL DEFAULT 'Standard',
    price               numeric(18, 4) NOT NULL CHECK (price >= 0),
    currency            char(3)     NOT NULL,
    stock               int         NOT NULL DEFAULT 0 CHECK (stock >= 0),
    available           boolean     NOT NULL DEFAULT true,
    supplier_updated_at timestamptz,
    synced_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (supplier_code, supplier_sku)
);
CREATE INDEX supplier_offers_product ON supplier_offers (product_id) WHERE available;

-- Every price an offer had, for price-drop alerts and margin analytics.
CREATE TABLE offer_price_history (
    offer_id    bigint         NOT NULL REFERENCES supplier_offers (id) ON DELETE CASCADE,
    price       numeric(18, 4) NOT NULL,
    currency    char(3)        NOT NULL,
    recorded_at timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (offer_id, recorded_at)
);

-- Margin on the best offer: the most specific matching rule wins (supplier and genre over either over none).
CREATE TABLE margin_rules (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supplier_code  text REFERENCES suppliers (code),
    genre          text,
    margin_percent numeric(6, 3)  NOT NULL CHECK (margin_percent >= 0),
    min_margin     numeric(18, 4) NOT NULL DEFAULT 0 CHECK (min_margin >= 0),
    UNIQUE NULLS NOT DISTINCT (supplier_code, genre)
);
INSERT INTO margin_rules (supplier_code, genre, margin_percent, min_margin) VALUES (NULL, NULL, 8, 0.30);

-- Starting rates for the currencies the first suppliers quote in; admins keep them current.
INSERT INTO currency_rates (currency, rate_to_store) VALUES ('EUR', 1), ('USD', 0.92), ('IDR', 0.000057);
