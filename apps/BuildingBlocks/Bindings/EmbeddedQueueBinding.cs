using System.Net.Http.Json;
using GamesDrop.BuildingBlocks.Hosting;
using Microsoft.Extensions.Configuration;

namespace GamesDrop.BuildingBlocks.Bindings;

/// <summary>
/// Embedded profile: a queue binding has no broker; what is sent to it goes straight to the endpoint its
/// input side would call (<c>POST /&lt;binding-name&gt;</c>), and a failure there is the sender's failure.
/// </summary>
internal sealed class EmbeddedQueueBinding(BindingRoutes routes, SelfAddress self, IHttpClientFactory clients, IConfiguration configuration) : IOutputBinding
{
    public async Task InvokeAsync<T>(string binding, string operation, T data, CancellationToken ct = default)
    {
        var targets = routes.For(binding);
        if (targets.Count == 0)
        {
            throw new InvalidOperationException($"No endpoint in this host receives binding '{binding}'.");
        }
        foreach (var route in targets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(self.BaseUri, route.TrimStart('/'))) { Content = JsonContent.Create(data) };
            if (configuration["APP_API_TOKEN"] is { Length: > 0 } token)
            {
                request.Headers.Add("dapr-api-token", token);
            }
            using var response = await clients.CreateClient(CronBindingScheduler.HttpClientName).SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
        }
    }
}
