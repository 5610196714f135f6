namespace GamesDrop.Kernel.Features.Currencies;

internal static class CurrenciesSql
{
    public const string All = """
        SELECT currency AS Currency, rate_to_store AS RateToStore, updated_at AS UpdatedAt
        FROM currency_rates ORDER BY currency
        """;

    public const string Upsert = """
        INSERT INTO currency_rates (currency, rate_to_store, updated_at) VALUES (@Currency, @RateToStore, now())
        ON CONFLICT (currency) DO UPDATE SET rate_to_store = excluded.rate_to_store, updated_at = excluded.updated_at
        WHERE currency_rates.rate_to_store IS DISTINCT FROM excluded.rate_to_store
        RETURNING currency AS Currency, rate_to_store AS RateToStore, updated_at AS UpdatedAt
        """;
}
