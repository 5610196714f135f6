namespace GamesDrop.Notifier.Features.Sheets;

internal static class SalesSql
{
    public const string Record = """
        INSERT INTO notifier.sales (order_id, day, revenue, cost, currency) VALUES (@OrderId, @Day, @Revenue, @Cost, @Currency)
        ON CONFLICT (order_id) DO NOTHING
        """;

    public const string Day = """
        SELECT currency AS Currency, count(*)::int AS Orders, sum(revenue) AS Revenue, sum(cost) AS Cost
        FROM notifier.sales WHERE day = @Day GROUP BY currency ORDER BY currency
        """;
}
