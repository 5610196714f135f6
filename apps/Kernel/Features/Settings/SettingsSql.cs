namespace GamesDrop.Kernel.Features.Settings;

internal static class SettingsSql
{
    public const string Stored = "SELECT name AS Name, value AS Value, version AS Version FROM settings ORDER BY name";

    /// <summary>Changes take turns, so versions grow in the order changes commit.</summary>
    public const string LockAndVersion = """
        WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtext('settings')))
        SELECT nextval('settings_versions') FROM locked
        """;

    public const string Replace = """
        DELETE FROM settings;
        INSERT INTO settings (name, value, version)
        SELECT n, v, @Version FROM unnest(CAST(@Names AS text[]), CAST(@Values AS text[])) AS s (n, v);
        """;

    public const string MarginRules = """
        SELECT supplier_code AS Supplier, genre AS Genre, margin_percent AS MarginPercent, min_margin AS MinMargin
        FROM margin_rules ORDER BY supplier_code NULLS FIRST, genre NULLS FIRST
        """;

    public const string ReplaceMarginRules = """
        DELETE FROM margin_rules;
        INSERT INTO margin_rules (supplier_code, genre, margin_percent, min_margin)
        SELECT s, g, m, f FROM unnest(CAST(@Suppliers AS text[]), CAST(@Genres AS text[]), CAST(@Margins AS numeric[]), CAST(@Floors AS numeric[]))
            AS r (s, g, m, f);
        """;

    public const string KnownSuppliers = "SELECT code FROM suppliers WHERE code = ANY (@Codes)";

    public const string Rates = "SELECT currency AS Currency, rate_to_store AS RateToStore, updated_at AS UpdatedAt FROM currency_rates ORDER BY currency";

    /// <summary>Another store currency: every rate is restated against it, so it has rate 1; null when it has no rate.</summary>
    public const string Rebase = """
        WITH pivot AS (SELECT rate_to_store FROM currency_rates WHERE currency = @Currency)
        UPDATE currency_rates r SET rate_to_store = round(r.rate_to_store / p.rate_to_store, 10), updated_at = now()
        FROM pivot p RETURNING 1
        """;
}
