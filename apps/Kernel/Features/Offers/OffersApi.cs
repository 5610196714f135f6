using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Contracts.Wishlist;
using GamesDrop.Kernel.Features.Pricing;
using GamesDrop.Kernel.Features.Wishlist;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Offers;

/// <summary>Supplier offers as the suppliers app syncs them in batches and pushes single changes.</summary>
public static partial class OffersApi
{
    public static RouteGroupBuilder MapOffers(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/offers").WithTags("Offers");
        // OfferValidation checks a batch whole; the framework's own validation only walked every property of its
        // thousand offers for annotations they do not have (7% of the host's CPU during a first sync).
        group.MapPost("/batch", UpsertBatchAsync).DisableValidation();
        group.MapPost("/changes", ApplyChangeAsync);
        group.MapGet("/quarantined", QuarantinedAsync);
        return routes;
    }

    private static async Task<Results<Ok<OfferBatchResult>, ValidationProblem, ProblemHttpResult>> UpsertBatchAsync(
        OfferBatch batch, StoreSettings store, NpgsqlDataSource db, IEventPublisher events, ILoggerFactory logs, CancellationToken ct)
    {
        var errors = OfferValidation.Validate(batch);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (accepted, quarantined) = OfferValidation.Screen(batch.Offers);
        var started = Stopwatch.GetTimestamp();
        var matches = accepted.Select(o => ListingMatcher.Match(o.Title, o.Platform, o.Region, o.Edition ?? "")).ToArray();
        var matchMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var target = await connection.QuerySingleAsync<BatchTarget>(new CommandDefinition(
            OffersSql.BatchTarget, new { batch.Supplier, batch.SyncRunId }, transaction, cancellationToken: ct));
        if (TargetProblem(batch, target) is { } problem)
        {
            return problem;
        }
        if (quarantined.Count > 0)
        {
            LogQuarantined(logs.CreateLogger(typeof(OffersApi)), batch.Supplier, quarantined.Count, quarantined[0].Sku, quarantined[0].Reason);
            await connection.ExecuteAsync(new CommandDefinition(OffersSql.Quarantine, new
            {
                batch.Supplier, batch.SyncRunId, Skus = quarantined.Select(q => q.Sku).ToArray(), Reasons = quarantined.Select(q => q.Reason).ToArray(),
            }, transaction, cancellationToken: ct));
        }
        // Offers that repeat what is stored are only counted as seen: a sync that changes nothing writes next to nothing.
        var rows = OfferBatchRows.From(batch.Supplier, batch.SyncRunId, accepted, matches, store.PaymentFee);
        await using var seen = await connection.QueryMultipleAsync(new CommandDefinition(OffersSql.SeeBatch, rows, transaction, cancellationToken: ct));
        var newlySeen = await seen.ReadSingleAsync<long>();
        var same = (await seen.ReadAsync<long>()).ToHashSet();
        var changed = Enumerable.Range(0, accepted.Count).Where(i => !same.Contains(i + 1)).ToArray();
        IReadOnlyList<WishlistPriceDropped> drops = [];
        List<WrittenOffer> written = [];
        if (changed.Length > 0)
        {
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(OffersSql.UpsertBatch,
                OfferBatchRows.From(batch.Supplier, batch.SyncRunId, [.. changed.Select(i => accepted[i])], [.. changed.Select(i => matches[i])], store.PaymentFee),
                transaction, cancellationToken: ct));
            await results.ReadAsync<long>();
            await results.ReadAsync<long>();
            drops = await PriceDrops.ReadAsync(results, store.Currency);
            written = (await results.ReadAsync<WrittenOffer>()).ToList();
        }
        var created = written.Count(o => o.Created);
        await connection.ExecuteAsync(new CommandDefinition(OffersSql.CountBatch, new
        {
            batch.SyncRunId, Seen = newlySeen, Created = created, Updated = written.Count - created, Unchanged = accepted.Count - written.Count,
        }, transaction, cancellationToken: ct));
        var sqlMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        await events.PublishManyAsync(Topics.WishlistPriceDropped, drops, transaction, ct);
        var changedOffers = written
            .Where(o => o.Created || o.SaleChanged)
            .Select(o => new OfferChanged(o.ProductId, batch.Supplier, o.Sku, o.Price, o.Currency, o.Stock, o.Available))
            .ToList();
        if (changedOffers.Count > 0)
        {
            await events.PublishAsync(Topics.OffersChanged, new OffersChanged(changedOffers), transaction, ct);
        }
        var outboxMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        await transaction.CommitAsync(ct);
        sqlMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return TypedResults.Ok(new OfferBatchResult(created, written.Count - created, accepted.Count - written.Count, quarantined.Count,
            new SyncPhases(0, matchMs, sqlMs, outboxMs)));
    }

    /// <summary>The supplier's latest quarantined listings, for its health report.</summary>
    private static async Task<Results<Ok<List<QuarantinedOffer>>, ValidationProblem>> QuarantinedAsync(
        string supplier, NpgsqlDataSource db, CancellationToken ct, [Range(1, 100)] int limit = 20)
    {
        var errors = new Dictionary<string, string[]>();
        OfferValidation.Supplier(errors, nameof(supplier), supplier);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<QuarantinedRow>(new CommandDefinition(
            OffersSql.Quarantined, new { Supplier = supplier, Limit = limit }, cancellationToken: ct));
        return TypedResults.Ok(rows.Select(r => new QuarantinedOffer(r.Sku, r.Reason, new DateTimeOffset(DateTime.SpecifyKind(r.SeenAt, DateTimeKind.Utc)))).ToList());
    }

    private sealed record QuarantinedRow(string Sku, string Reason, DateTime SeenAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {Count} offers of {Supplier}; the first, SKU {Sku}: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, string supplier, int count, string sku, string reason);

    private static ProblemHttpResult? TargetProblem(OfferBatch batch, BatchTarget target) => target switch
    {
        { SupplierKnown: false } => TypedResults.Problem(
            $"Supplier '{batch.Supplier}' is not registered.", statusCode: StatusCodes.Status404NotFound),
        { RunStatus: null } when batch.SyncRunId is not null => TypedResults.Problem(
            $"Sync run {batch.SyncRunId} of supplier '{batch.Supplier}' does not exist.", statusCode: StatusCodes.Status404NotFound),
        { RunStatus: not (null or "running") } => TypedResults.Problem(
            $"Sync run {batch.SyncRunId} has finished; start a new run.", statusCode: StatusCodes.Status409Conflict),
        _ => null,
    };

    private static async Task<Results<Ok<OfferChangeResult>, ValidationProblem, ProblemHttpResult>> ApplyChangeAsync(
        OfferChange change, NpgsqlDataSource db, Repricer repricer, IEventPublisher events, CancellationToken ct)
    {
        var errors = OfferValidation.Validate(change);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var outcome = await connection.QuerySingleOrDefaultAsync<AppliedChange>(new CommandDefinition(OffersSql.ApplyChange,
            new { change.Supplier, change.Sku, change.Price, change.Currency, change.Stock, change.Available, ChangedAt = change.ChangedAt.UtcDateTime },
            transaction, cancellationToken: ct));
        if (outcome is null)
        {
            return TypedResults.Problem($"Supplier '{change.Supplier}' has no offer with SKU '{change.Sku}'.", statusCode: StatusCodes.Status404NotFound);
        }
        if (outcome.PriceChanged)
        {
            await connection.ExecuteAsync(new CommandDefinition(OffersSql.RecordPrice, outcome, transaction, cancellationToken: ct));
        }
        if (outcome.SaleChanged)
        {
            await repricer.RepriceProductsAsync(transaction, [outcome.ProductId!.Value], ct);
            await events.PublishAsync(Topics.OffersChanged, new OffersChanged([new OfferChanged(outcome.ProductId.Value, change.Supplier, change.Sku,
                outcome.Price!.Value, outcome.Currency!, outcome.Stock!.Value, outcome.Available!.Value)]), transaction, ct);
        }
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new OfferChangeResult(outcome.Applied, outcome.Contested));
    }

    private sealed record BatchTarget(bool SupplierKnown, string? RunStatus);

    private sealed record AppliedChange(
        bool Applied, long? OfferId, long? ProductId, decimal? Price, string? Currency, int? Stock, bool? Available, bool PriceChanged, bool SaleChanged,
        bool Contested);
}

/// <summary>
/// Whether a pushed change was newer than the stored offer and so applied; <see cref="Contested"/> when it carried the stored
/// offer's time with other values, so only a live read can tell which of the two states the supplier holds now.
/// </summary>
public sealed record OfferChangeResult(bool Applied, bool Contested);
