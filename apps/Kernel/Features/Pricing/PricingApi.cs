using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Pricing;

/// <summary>Keeps store prices in step with what they are computed from when that changes elsewhere.</summary>
public static class PricingApi
{
    public static RouteGroupBuilder MapPricing(this RouteGroupBuilder routes)
    {
        routes.MapPost("/pricing/currency-rate-changed", CurrencyRateChangedAsync)
            .WithTags("Pricing")
            .WithSubscription(Topics.CurrencyRateChanged);
        return routes;
    }

    // Repricing is idempotent, so a redelivered event is harmless; it always reads the stored rate, not the event's.
    private static async Task<Results<Ok, ValidationProblem>> CurrencyRateChangedAsync(
        CurrencyRateChanged changed, NpgsqlDataSource db, Repricer repricer, CancellationToken ct)
    {
        if (changed.Currency is null || changed.Currency.Length != 3)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [nameof(changed.Currency)] = ["An ISO 4217 code."],
            });
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await repricer.RepriceCurrencyAsync(transaction, changed.Currency, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok();
    }
}
