using System.ComponentModel.DataAnnotations;
using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Offers;
using GamesDrop.Kernel.Features.Pricing;
using GamesDrop.Kernel.Features.Suppliers;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.SyncRuns;

/// <summary>Sync runs: progress while a supplier's catalog is read, totals after, and vanished offers after a full read.</summary>
public static class SyncRunsApi
{
    public const string SeenListLost = "The list of SKUs this run reported was lost (database restart); vanished offers were not marked.";
    public const string SawNothing = "A full run that reported no offers marks nothing vanished: an empty catalog is far likelier a fault upstream.";
    public const string Abandoned = "The run stopped without finishing (no batch for " + SyncRunsSql.QuietFor + "; its host was stopped); vanished offers were not marked.";

    public static RouteGroupBuilder MapSyncRuns(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/sync-runs").WithTags("SyncRuns");
        group.MapPost("", StartAsync);
        group.MapPost("/{id}/finish", FinishAsync);
        group.MapGet("", ListAsync);
        return routes;
    }

    // Runs a stopped host left running end here, as failed runs do at their finish: each alerts once.
    private static async Task<Results<Created<SyncRunStarted>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartSyncRun body, NpgsqlDataSource db, IEventPublisher events, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        OfferValidation.Supplier(errors, nameof(body.Supplier), body.Supplier);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var started = await connection.QuerySingleOrDefaultAsync<StartedRow>(new CommandDefinition(
            SyncRunsSql.Start, new { body.Supplier, body.Full }, transaction, cancellationToken: ct));
        if (started is null)
        {
            return TypedResults.Problem($"Supplier '{body.Supplier}' is not registered.", statusCode: StatusCodes.Status404NotFound);
        }
        var abandoned = await connection.QueryAsync<long>(new CommandDefinition(
            SyncRunsSql.Abandon, new { body.Supplier, Error = Abandoned }, transaction, cancellationToken: ct));
        await events.PublishManyAsync(Topics.SupplierSyncFailed,
            abandoned.Select(id => new SupplierSyncFailed(body.Supplier, id, Abandoned, DateTimeOffset.UtcNow)).ToList(), transaction, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"sync-runs/{started.Id}", new SyncRunStarted(started.Id, Utc(started.StartedAt)));
    }

    private static async Task<Results<Ok<SyncRun>, ValidationProblem, NotFound>> FinishAsync(
        long id, FinishSyncRun body, NpgsqlDataSource db, Repricer repricer, IEventPublisher events, CancellationToken ct)
    {
        if (body.Pages < 0 || body.Error?.Length > 4000 || body.Error?.Contains('\0') == true)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["body"] = ["Pages zero or more; Error at most 4000 characters, no NUL."],
            });
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var run = await connection.QuerySingleOrDefaultAsync<SyncRunRow>(new CommandDefinition(
            SyncRunsSql.ForFinish, new { Id = id }, transaction, cancellationToken: ct));
        if (run is null)
        {
            return TypedResults.NotFound();
        }
        if (run.Status != "running")
        {
            return TypedResults.Ok(run.ToContract());
        }
        var error = body.Error;
        var vanished = 0;
        if (error is null && run.Kind == "full")
        {
            var seenRows = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                SyncRunsSql.SeenCount, new { Id = id }, transaction, cancellationToken: ct));
            error = seenRows < run.OffersSeen ? SeenListLost : run.OffersSeen == 0 ? SawNothing : null;
            if (error is null)
            {
                // The seen list grew by a whole catalog since autovacuum last looked at it: with its old statistics the
                // planner takes it for empty and scans it once per offer (over ten seconds at 75k offers).
                await connection.ExecuteAsync(new CommandDefinition(SyncRunsSql.AnalyzeSeen, transaction: transaction, cancellationToken: ct));
                vanished = await MarkVanishedAsync(connection, transaction, run, repricer, events, ct);
                // A run that added listings may have grown the catalog faster than autovacuum looks: the next run's
                // comparison of each batch with the stored offers would be planned from a catalog of before. Only the
                // columns a sync looks rows up by (0.15 s at 100k products; every column, the search document's words
                // too, took 0.6-0.8 s of the run's finish); the whole tables are still due to autovacuum, as an
                // ANALYZE naming columns leaves the count of changes since the last one standing.
                if (run.OffersCreated > 0)
                {
                    await connection.ExecuteAsync(new CommandDefinition(SyncRunsSql.AnalyzeLookups, transaction: transaction, commandTimeout: 120, cancellationToken: ct));
                }
            }
        }
        var finished = await connection.QuerySingleAsync<SyncRunRow>(new CommandDefinition(SyncRunsSql.Finish,
            new { Id = id, Status = error is null ? "succeeded" : "failed", body.Pages, Vanished = vanished, Error = error },
            transaction, cancellationToken: ct));
        if (error is not null)
        {
            // Only a running run gets here, so each failed run alerts once however often its finish is repeated.
            await events.PublishAsync(Topics.SupplierSyncFailed, new SupplierSyncFailed(run.Supplier, id, error, DateTimeOffset.UtcNow), transaction, ct);
        }
        await transaction.CommitAsync(ct);
        // New listings' words wait in the search index's pending list (up to 4 MB, gin_pending_list_limit) until
        // autovacuum merges them, and every search reads that list whole: 13,000 waiting words made a whole-title
        // search's index scan 2.6 ms instead of 0.35. Merged once per run, after its commit, off every batch's path.
        if (run.OffersCreated > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(SyncRunsSql.MergeSearchWords, commandTimeout: 120, cancellationToken: ct));
        }
        return TypedResults.Ok(finished.ToContract());
    }

    private static async Task<int> MarkVanishedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SyncRunRow run, Repricer repricer, IEventPublisher events, CancellationToken ct)
    {
        var gone = (await connection.QueryAsync<VanishedOffer>(new CommandDefinition(
            SyncRunsSql.MarkVanished, new { run.Id, run.Supplier }, transaction, cancellationToken: ct))).ToList();
        await repricer.RepriceProductsAsync(transaction, gone.Select(o => o.ProductId).Distinct().ToList(), ct);
        await events.PublishManyAsync(Topics.OffersChanged, gone
            .Select(o => new OfferChanged(o.ProductId, run.Supplier, o.Sku, o.Price, o.Currency, o.Stock, false))
            .Chunk(OffersChanged.MaxOffers).Select(offers => new OffersChanged(offers)).ToList(), transaction, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            SyncRunsSql.ConfirmFullSync, new { run.Supplier, run.StartedAt }, transaction, cancellationToken: ct));
        return gone.Count;
    }

    private static async Task<Ok<IReadOnlyList<SyncRun>>> ListAsync(
        NpgsqlDataSource db, CancellationToken ct,
        [RegularExpression(SuppliersApi.SupplierCode, ErrorMessage = SuppliersApi.SupplierCodeMessage)] string? supplier = null,
        [Range(1, 100)] int limit = 20)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var runs = await connection.QueryAsync<SyncRunRow>(new CommandDefinition(
            SyncRunsSql.Latest, new { Supplier = supplier, Limit = limit }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<SyncRun>>(runs.Select(r => r.ToContract()).ToList());
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record StartedRow(long Id, DateTime StartedAt);

    private sealed record VanishedOffer(long ProductId, string Sku, decimal Price, string Currency, int Stock);

    private sealed record SyncRunRow(
        long Id, string Supplier, string Kind, string Status, DateTime StartedAt, DateTime? FinishedAt, int Pages, int OffersSeen,
        int OffersCreated, int OffersUpdated, int OffersUnchanged, int OffersVanished, string? Error, int OffersQuarantined)
    {
        public SyncRun ToContract() => new(Id, Supplier, Kind, Status, Utc(StartedAt), FinishedAt is { } f ? Utc(f) : null,
            Pages, OffersSeen, OffersCreated, OffersUpdated, OffersUnchanged, OffersVanished, Error, OffersQuarantined);
    }
}
