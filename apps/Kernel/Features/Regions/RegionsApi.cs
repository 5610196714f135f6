using GamesDrop.Contracts.Catalog;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Regions;

/// <summary>
/// The region check checkout's policy step asks for, before PayPal is called, and again with PayPal's payer country
/// before capture: each key's region (products.region, from the supplier's listing) against the buyer's country, and the
/// countries the supplier offers exclude (see <see cref="RegionsSql.LineRegions"/>). The
/// outcome goes on the order's timeline; a refusal names the games in plain words.
/// </summary>
public static class RegionsApi
{
    public const string CheckedStep = "region-checked";
    public const string RefusedStep = "region-refused";

    public static RouteGroupBuilder MapRegions(this RouteGroupBuilder routes)
    {
        routes.MapPost("/orders/{orderId}/region-check", CheckAsync).WithTags("Region checks");
        return routes;
    }

    private static async Task<Results<Ok<RegionVerdict>, NotFound, ValidationProblem>> CheckAsync(
        Guid orderId, CheckRegion body, NpgsqlDataSource db, CancellationToken ct)
    {
        if (body.PayerCountry is { } payer && !ActivationRegions.IsCountry(payer))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["payerCountry"] = ["A two-letter country code in capitals."] });
        }
        await using var order = await OrderTransaction.BeginAsync(db, orderId, ct);
        if (order is null)
        {
            return TypedResults.NotFound();
        }
        var country = body.PayerCountry ?? await order.QuerySingleOrDefaultAsync<string>(RegionsSql.AccountCountry, new { OrderId = orderId });
        if (country is null)
        {
            return TypedResults.Ok(new RegionVerdict(true, null, null));
        }
        var misfits = (await order.QueryAsync<LineRegion>(RegionsSql.LineRegions, new { OrderId = orderId, Country = country }))
            .Where(l => l.Excluded || !ActivationRegions.Activates(l.Region, country)).ToList();
        var verdict = misfits.Count == 0
            ? new RegionVerdict(true, country, null)
            : new RegionVerdict(false, country, Refusal(misfits, country, fromPayPal: body.PayerCountry is not null));
        await order.StepAsync(verdict.Fits ? CheckedStep : RefusedStep, verdict.Reason ?? country);
        await order.CommitAsync();
        return TypedResults.Ok(verdict);
    }

    private static string Refusal(IReadOnlyList<LineRegion> misfits, string country, bool fromPayPal) =>
        ActivationRegions.Mismatch(misfits.Select(m => (m.Title, ActivationRegions.Activates(m.Region, country) ? null : m.Region)), country, fromPayPal ? "of your PayPal account" : "in your account")
        + " Nothing was charged.";

    private sealed record LineRegion(string Title, string Region, bool Excluded);
}
