using System.Net.Http.Json;
using GamesDrop.BuildingBlocks.Bindings;
using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Embedded.Runtime.Hosting;

namespace GamesDrop.Embedded.Runtime.Bindings;

/// <summary>
/// Embedded profile: a queue binding has no broker; what is sent to it goes straight to the endpoint its
/// input side would call (<c>POST /&lt;binding-name&gt;</c>), and a failure there is the sender's failure.
/// It refuses what <paramref name="appId"/>'s daprd would: a binding outside the app's scopes, or one with no output side.
/// </summary>
internal sealed class EmbeddedQueueBinding(
    string appId, ComponentCatalog catalog, BindingRoutes routes, SelfAddress self, IHttpClientFactory clients, EmbeddedAppTokens tokens)
    : IOutputBinding
{
    public async Task InvokeAsync<T>(string binding, string operation, T data, CancellationToken ct = default)
    {
        var component = catalog.Require(binding, appId);
        if (!component.Type.StartsWith("bindings.", StringComparison.Ordinal) || !component.HasDirection("output"))
        {
            throw new ComponentNotFoundException($"Binding '{binding}' has no output side (type {component.Type}, direction '{component.Get("direction")}').");
        }
        var targets = routes.For(component);
        if (targets.Count == 0)
        {
            throw new InvalidOperationException($"No endpoint in this host receives binding '{binding}'.");
        }
        foreach (var route in targets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(self.BaseUri, route.TrimStart('/'))) { Content = JsonContent.Create(data) };
            EmbeddedAppTokens.Present(request, tokens.ForRoute(route));
            using var response = await clients.CreateClient(CronBindingScheduler.HttpClientName).SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
        }
    }
}
