using System.Diagnostics;
using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Embedded.Runtime.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GamesDrop.Embedded.Runtime.Bindings;

/// <summary>
/// Embedded profile: fires every <c>bindings.cron</c> component of the components folder the way daprd
/// does, with a POST to <c>/&lt;binding-name&gt;</c> (or its <c>route</c>) on each app in scope.
/// </summary>
public sealed partial class CronBindingScheduler(
    ComponentCatalog catalog,
    BindingRoutes bindingRoutes,
    SelfAddress self,
    IHttpClientFactory httpClients,
    EmbeddedAppTokens tokens,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<CronBindingScheduler> logger) : BackgroundService
{
    public const string HttpClientName = "embedded-input-bindings";
    private static readonly ActivitySource Tracing = new("GamesDrop.Bindings");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await HostStarted.WaitAsync(lifetime, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await Task.WhenAll(catalog.OfType("bindings.cron").Select(binding => RunAsync(binding, stoppingToken)));
    }

    private async Task RunAsync(ComponentDefinition binding, CancellationToken ct)
    {
        var schedule = CronSchedule.Parse(binding.Get("schedule")
            ?? throw new InvalidDataException($"Cron binding '{binding.Name}' has no schedule."));
        var routes = bindingRoutes.For(binding);
        if (routes.Count == 0)
        {
            LogNoEndpoint(binding.Name);
            return;
        }
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (schedule.Next(now) is not { } next)
            {
                return;
            }
            try
            {
                await Task.Delay(next - now, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            foreach (var route in routes)
            {
                await TriggerAsync(binding.Name, route, ct);
            }
        }
    }

    private async Task TriggerAsync(string name, string route, CancellationToken ct)
    {
        using var activity = Tracing.StartActivity("binding " + name);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(self.BaseUri, route.TrimStart('/')))
        {
            Content = new StringContent("", System.Text.Encoding.UTF8, "application/json"),
        };
        EmbeddedAppTokens.Present(request, tokens.ForRoute(route));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                LogTriggerRefused(name, route, (int)response.StatusCode);
            }
        }
        catch (Exception e) when (BackgroundFailures.IsFailure(e, ct))
        {
            BackgroundFailures.Record("cron-binding");
            LogTriggerFailed(e, name, route);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cron binding {Binding} has no POST endpoint in this host; not scheduled")]
    private partial void LogNoEndpoint(string binding);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cron binding {Binding} at {Route} answered {Status}")]
    private partial void LogTriggerRefused(string binding, string route, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cron binding {Binding} could not reach {Route}")]
    private partial void LogTriggerFailed(Exception e, string binding, string route);
}
