using System.ComponentModel.DataAnnotations;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Sessions;
using GamesDrop.Contracts.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>
/// System configuration: currency, fee, margins, fraud thresholds, refund window, low-stock threshold, notification
/// targets and exchange rates. The kernel validates, stores and audits a settings change in one transaction; a rate
/// change is audited here.
/// </summary>
public static class AdminSettingsApi
{
    public static RouteGroupBuilder MapAdminSettings(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/settings");
        group.MapGet("", async (KernelClient kernel, CancellationToken ct) => TypedResults.Ok((await kernel.SettingsAsync(ct)).Value!));
        group.MapPut("", ChangeAsync);
        group.MapPut("/rates/{currency}", PutRateAsync);
        return routes;
    }

    private static async Task<Results<Ok<SettingsView>, ValidationProblem>> ChangeAsync(
        AdminSettingsRequest body, HttpContext http, AdminAudit audit, KernelClient kernel, CancellationToken ct) =>
        AdminArea.Answer(await kernel.ChangeSettingsAsync(
            new SettingsChange(http.UserId(), await audit.ActorAsync(http, ct), body.Settings!, body.MarginRules!), ct));

    private static async Task<Results<Ok<CurrencyRateSetting>, ValidationProblem>> PutRateAsync(
        [RegularExpression("^[A-Z]{3}$", ErrorMessage = "An ISO 4217 code in capitals, such as USD.")] string currency, AdminRateRequest body,
        HttpContext http, AdminAudit audit, KernelClient kernel, CancellationToken ct)
    {
        var before = (await kernel.SettingsAsync(ct)).Value!.Rates.FirstOrDefault(r => r.Currency == currency);
        var answer = await kernel.PutRateAsync(currency, body.RateToStore, ct);
        if (answer.Value is { } after)
        {
            await audit.RecordAsync(http, await audit.ActorAsync(http, ct), AuditActions.ChangeSettings, AuditActions.Setting, $"rate:{currency}",
                before is null ? null : new { before.Currency, before.RateToStore }, new { after.Currency, after.RateToStore }, ct);
        }
        return AdminArea.Answer(answer);
    }
}

public sealed record AdminSettingsRequest([Required] SystemSettings? Settings, [Required, MaxLength(100)] IReadOnlyList<MarginRule>? MarginRules);

public sealed record AdminRateRequest([Range(typeof(decimal), "0.0000000001", "1000000000")] decimal RateToStore);
