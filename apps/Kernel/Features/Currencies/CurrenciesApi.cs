using System.ComponentModel.DataAnnotations;
using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Currencies;

/// <summary>Stored exchange rates into the store currency, which prices are converted with.</summary>
public static class CurrenciesApi
{
    public static RouteGroupBuilder MapCurrencies(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/currency-rates").WithTags("Currencies");
        group.MapGet("", ListAsync);
        group.MapPut("/{currency}", PutAsync);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<CurrencyRate>>> ListAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rates = await connection.QueryAsync<CurrencyRate>(new CommandDefinition(CurrenciesSql.All, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<CurrencyRate>>(rates.ToList());
    }

    private static async Task<Results<Ok<CurrencyRate>, ValidationProblem>> PutAsync(
        [RegularExpression("^[A-Z]{3}$", ErrorMessage = "An ISO 4217 code in capitals, such as EUR.")] string currency,
        PutCurrencyRate body, StoreSettings store, NpgsqlDataSource db, IEventPublisher events, CancellationToken ct)
    {
        if (currency == store.Currency && body.RateToStore != 1m)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [nameof(body.RateToStore)] = [$"The store currency {store.Currency} always has rate 1."],
            });
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var changed = await connection.QuerySingleOrDefaultAsync<CurrencyRate>(new CommandDefinition(
            CurrenciesSql.Upsert, new { Currency = currency, body.RateToStore }, transaction, cancellationToken: ct));
        if (changed is not null)
        {
            await events.PublishAsync(Topics.CurrencyRateChanged,
                new CurrencyRateChanged(changed.Currency, changed.RateToStore, changed.UpdatedAt), transaction, ct);
        }
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(changed ?? new CurrencyRate(currency, body.RateToStore, DateTimeOffset.UtcNow));
    }
}

public sealed record CurrencyRate(string Currency, decimal RateToStore, DateTimeOffset UpdatedAt)
{
    // Npgsql reads timestamptz as a UTC DateTime, and Dapper builds records through a constructor of those types.
    public CurrencyRate(string currency, decimal rateToStore, DateTime updatedAt)
        : this(currency, rateToStore, new DateTimeOffset(updatedAt))
    {
    }
}

public sealed record PutCurrencyRate([property: Range(typeof(decimal), "0.0000000001", "1000000000")] decimal RateToStore);
