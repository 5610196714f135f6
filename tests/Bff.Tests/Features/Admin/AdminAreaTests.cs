using System.Net;
using System.Text.RegularExpressions;
using GamesDrop.AppTesting;
using GamesDrop.Bff.Features.Admin;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Bff.Tests.Features.Admin;

/// <summary>
/// Every admin route the BFF maps, read from its route table (so a route added tomorrow is covered without touching this
/// test), is invisible to customers and strangers: 404, as for a path that does not exist.
/// </summary>
public sealed partial class AdminAreaTests : IAsyncLifetime
{
    private const string AdminPrefix = "/bff/api/admin";
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Every_admin_route_is_mapped_inside_the_admin_area()
    {
        var routes = AdminRoutes();

        routes.Should().HaveCountGreaterThan(4, "users, notifications and order reviews are admin routes");
        routes.Where(r => r.Endpoint.Metadata.GetMetadata<AdminArea.Hidden>() is null).Select(r => r.Display)
            .Should().BeEmpty("an admin route outside AdminArea.MapAdmin would answer strangers with 401/403 or worse");
    }

    [Fact]
    public async Task Every_admin_route_answers_customers_and_strangers_404()
    {
        using var customer = await new Shopper(_app).SignedUpAsync("curious.customer@example.com");
        using var stranger = new Shopper(_app);
        var answers = new List<string>();

        foreach (var route in AdminRoutes())
        {
            foreach (var (who, caller) in new[] { ("customer", customer), ("stranger", stranger) })
            {
                using var response = await caller.SendAsync(route.Method, route.Path, route.Method == HttpMethod.Get ? null : new { });
                answers.Add($"{who} {route.Display} → {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        answers.Should().NotBeEmpty().And.OnlyContain(a => a.EndsWith("→ 404 application/problem+json"));
    }

    private IReadOnlyList<AdminRoute> AdminRoutes() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith(AdminPrefix, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new AdminRoute(e, new HttpMethod(m), Concrete(e.RoutePattern.RawText!))))
            .ToList();

    // A value each parameter's constraint accepts, so the request reaches the endpoint's authorization, not a routing miss.
    private static string Concrete(string pattern) => "/" + Parameter().Replace(pattern.TrimStart('/'),
        m => m.Groups["constraint"].Value is "long" or "int" ? "1" : Guid.NewGuid().ToString("D"));

    [GeneratedRegex(@"\{(?<name>\w+)(:(?<constraint>\w+))?\??\}")]
    private static partial Regex Parameter();

    private sealed record AdminRoute(RouteEndpoint Endpoint, HttpMethod Method, string Path)
    {
        public string Display => $"{Method} {Endpoint.RoutePattern.RawText}";
    }
}
