using System.Text.Json;
using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.BuildingBlocks.Settings;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Admin;
using GamesDrop.Kernel.Features.Admin;
using GamesDrop.Kernel.Features.Fraud;
using GamesDrop.Kernel.Features.Pricing;
using GamesDrop.Kernel.Features.Refunds;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamesDrop.Kernel.Features.Settings;

/// <summary>
/// System configuration: what is in force, the stored snapshot apps load at start, and a change by an admin (the BFF
/// admits only admins). A change is stored, audited, reprices the catalog and announces itself in one transaction.
/// </summary>
public static class SettingsApi
{
    public static RouteGroupBuilder MapSettings(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/settings").WithTags("Settings");
        group.MapGet("", GetAsync);
        group.MapGet("/stored", StoredAsync);
        group.MapPut("", ChangeAsync);
        return routes;
    }

    internal static async Task<SettingsChanged> SnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<StoredRow>(new CommandDefinition(SettingsSql.Stored, transaction: transaction, cancellationToken: ct))).ToList();
        return new SettingsChanged(rows.Count == 0 ? 0 : rows.Max(r => r.Version), rows.ToDictionary(r => r.Name, r => r.Value));
    }

    private static async Task<Ok<SettingsView>> GetAsync(SettingsReader reader, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok(await reader.ViewAsync(connection, null, ct));
    }

    private static async Task<Ok<SettingsChanged>> StoredAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return TypedResults.Ok(await SnapshotAsync(connection, null, ct));
    }

    private static async Task<Results<Ok<SettingsView>, ValidationProblem>> ChangeAsync(
        SettingsChange body, SettingsReader reader, Repricer repricer, IEventPublisher events, StoredSettings stored, NpgsqlDataSource db,
        CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var version = await connection.QuerySingleAsync<long>(new CommandDefinition(SettingsSql.LockAndVersion, transaction: transaction, cancellationToken: ct));
        var before = await reader.ViewAsync(connection, transaction, ct);
        var rules = body.MarginRules ?? [];
        var suppliers = await connection.QueryAsync<string>(new CommandDefinition(SettingsSql.KnownSuppliers,
            new { Codes = rules.Select(r => r?.Supplier).OfType<string>().Distinct().ToArray() }, transaction, cancellationToken: ct));
        var errors = SettingsRules.Validate(body, before.Rates.Select(r => r.Currency.Trim()).ToHashSet(), suppliers.ToHashSet());
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var settings = body.Settings;
        if (settings.Currency != before.Settings.Currency)
        {
            await connection.ExecuteAsync(new CommandDefinition(SettingsSql.Rebase, new { settings.Currency }, transaction, cancellationToken: ct));
        }
        var values = SettingsRules.ToConfiguration(settings);
        await connection.ExecuteAsync(new CommandDefinition(SettingsSql.Replace,
            new { Version = version, Names = values.Keys.ToArray(), Values = values.Values.ToArray() }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SettingsSql.ReplaceMarginRules, new
        {
            Suppliers = rules.Select(r => r.Supplier).ToArray(),
            Genres = rules.Select(r => r.Genre).ToArray(),
            Margins = rules.Select(r => r.MarginPercent).ToArray(),
            Floors = rules.Select(r => r.MinMargin).ToArray(),
        }, transaction, cancellationToken: ct));
        // The fee, margins or rates may have changed: prices follow in this transaction, as they do for any input of theirs.
        await repricer.RepriceAllAsync(transaction, ct, new PaymentFeeSettings { Percent = settings.PaymentFeePercent, Fixed = settings.PaymentFeeFixed });
        var after = before with { Settings = settings, MarginRules = rules, Version = version };
        await connection.ExecuteAsync(new CommandDefinition(AuditSql.Record, new
        {
            ActorId = body.AdminId, ActorEmail = body.AdminEmail, Action = AuditActions.ChangeSettings, TargetType = AuditActions.Setting,
            TargetId = "system", Before = Json(before with { Rates = [] }), After = Json(after with { Rates = [] }),
        }, transaction, cancellationToken: ct));
        var snapshot = new SettingsChanged(version, values);
        await events.PublishAsync(Topics.SettingsChanged, snapshot, transaction, ct);
        await transaction.CommitAsync(ct);
        // The kernel takes it at once; the other apps when the event reaches them.
        stored.Apply(snapshot);
        return TypedResults.Ok(await reader.ViewAsync(connection, null, ct));
    }

    private static string Json(SettingsView view) => JsonSerializer.Serialize(new { view.Settings, view.MarginRules }, JsonSerializerOptions.Web);

    private sealed record StoredRow(string Name, string Value, long Version);
}

/// <summary>The settings in force (configuration, stored settings over the files' defaults) with margin rules and rates.</summary>
public sealed class SettingsReader(
    IOptionsMonitor<StoreSettings> store, IOptionsMonitor<PricingSettings> pricing, IOptionsMonitor<FraudSettings> fraud,
    IOptionsMonitor<RefundSettings> refunds, IOptionsMonitor<NotificationTargetSettings> targets, StoredSettings stored)
{
    public async Task<SettingsView> ViewAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        var rules = await connection.QueryAsync<MarginRule>(new CommandDefinition(SettingsSql.MarginRules, transaction: transaction, cancellationToken: ct));
        var rates = await connection.QueryAsync<CurrencyRateSetting>(new CommandDefinition(SettingsSql.Rates, transaction: transaction, cancellationToken: ct));
        return new SettingsView(
            SettingsRules.Current(store.CurrentValue, pricing.CurrentValue, fraud.CurrentValue, refunds.CurrentValue, targets.CurrentValue),
            rules.ToList(), rates.ToList(), Math.Max(stored.Version, 0));
    }
}
