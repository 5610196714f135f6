using System.Net;
using System.Net.Http.Json;
using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.TestSupport;
using Npgsql;
using Xunit.Abstractions;

namespace GamesDrop.Embedded.Tests;

/// <summary>
/// The store on a PostgreSQL and a Redis of its own, each stopped and restarted under shopping traffic: while one is down
/// the store answers 503 with Retry-After (never a 500), and it serves again by itself once the server is back.
/// </summary>
public sealed class FaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Search and product pages read PostgreSQL through the kernel; the cart lives in Redis.
    private static readonly string[] Traffic = ["/bff/api/catalog/search?q=zelda", "/bff/api/catalog/products/fault-game", "/bff/api/cart"];
    private const int RequestsWhileDown = 30;

    private OwnServers _servers = null!;
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync()
    {
        _servers = await OwnServers.StartAsync();
        _app = await EmbeddedApp.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = _servers.Postgres,
            ["ConnectionStrings:Redis"] = _servers.Redis,
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _servers.DisposeAsync();
    }

    [Fact]
    public async Task PostgreSQL_stopped_under_traffic_gets_503_and_service_returns_by_itself()
    {
        using var client = _app.PublicClient();
        (await ServesAllAsync(client)).Should().BeTrue("the store serves before the fault");
        await PublishRegistrationAttemptsAsync(count: 5);

        await _servers.StopPostgresAsync();
        var whileDown = await SendTrafficAsync(client);
        await _servers.StartPostgresAsync();

        AssertNoServerErrors(whileDown, "PostgreSQL down");
        whileDown.Should().Contain(r => r.Status == HttpStatusCode.ServiceUnavailable, "search cannot be served without PostgreSQL");
        await ServesAgainAsync(client, "PostgreSQL");
        (await Eventually.HoldsAsync(EveryEventDeliveredAsync)).Should().BeTrue("every event is delivered after the outage");
        await using var connection = new NpgsqlConnection(_servers.Postgres + ";Pooling=false");
        (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM messaging.outbox WHERE topic = 'registration-attempted'"))
            .Should().Be(5);
        (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM messaging.dead_letters")).Should().Be(0);
    }

    [Fact]
    public async Task Redis_stopped_under_traffic_keeps_browsing_and_gets_503_for_the_cart()
    {
        using var client = _app.PublicClient();
        (await ServesAllAsync(client)).Should().BeTrue("the store serves before the fault");

        await _servers.StopRedisAsync();
        var whileDown = await SendTrafficAsync(client);
        await _servers.StartRedisAsync();

        AssertNoServerErrors(whileDown, "Redis down");
        whileDown.Where(r => r.Path.Contains("/catalog/")).Should().OnlyContain(r => r.Status != HttpStatusCode.ServiceUnavailable,
            "the catalog comes from PostgreSQL");
        whileDown.Where(r => r.Path.EndsWith("/cart")).Should().OnlyContain(r => r.Status == HttpStatusCode.ServiceUnavailable);
        await ServesAgainAsync(client, "Redis");
    }

    /// <summary>
    /// Waits for full service after the server is back and prints how long it took (the goal is 10 s, read from the output);
    /// the assertion itself allows a loaded machine a minute, so it never depends on the machine's speed.
    /// </summary>
    private async Task ServesAgainAsync(HttpClient client, string server)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        (await Eventually.HoldsAsync(() => ServesAllAsync(client), TimeSpan.FromMinutes(1))).Should().BeTrue($"service returns once {server} is back");
        output.WriteLine($"{server} back: full service after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private sealed record Answer(string Path, HttpStatusCode Status, bool RetryAfter, string? MediaType);

    /// <summary>A bounded burst of shopping requests, each answered however the store can.</summary>
    private static async Task<List<Answer>> SendTrafficAsync(HttpClient client)
    {
        var answers = new List<Answer>();
        for (var i = 0; i < RequestsWhileDown; i++)
        {
            var path = Traffic[i % Traffic.Length];
            using var response = await client.GetAsync(path);
            answers.Add(new Answer(path, response.StatusCode, response.Headers.RetryAfter is not null, response.Content.Headers.ContentType?.MediaType));
        }
        return answers;
    }

    private void AssertNoServerErrors(List<Answer> answers, string fault)
    {
        foreach (var group in answers.GroupBy(a => (a.Path, a.Status)))
        {
            output.WriteLine($"{fault}: {group.Key.Path} {(int)group.Key.Status} x{group.Count()}");
        }
        answers.Should().OnlyContain(a => (int)a.Status < 500 || a.Status == HttpStatusCode.ServiceUnavailable, fault);
        answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable)
            .Should().OnlyContain(a => a.RetryAfter && a.MediaType == "application/problem+json", fault);
    }

    private static async Task<bool> ServesAllAsync(HttpClient client)
    {
        foreach (var path in Traffic)
        {
            using var response = await client.GetAsync(path);
            if ((int)response.StatusCode >= 500)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A taken email mails its owner: an event per attempt, in the outbox with the attempt.</summary>
    private async Task PublishRegistrationAttemptsAsync(int count)
    {
        using var kernel = _app.InternalClient();
        for (var i = 0; i <= count; i++)
        {
            var response = await kernel.PostAsJsonAsync("/kernel/users",
                new { email = "fault@example.com", password = "a long enough password", displayName = "Fault" });
            response.StatusCode.Should().Be(i == 0 ? HttpStatusCode.Created : HttpStatusCode.Conflict);
        }
    }

    private async Task<bool> EveryEventDeliveredAsync()
    {
        await using var connection = new NpgsqlConnection(_servers.Postgres + ";Pooling=false");
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM messaging.deliveries WHERE delivered_at IS NULL AND dead_at IS NULL") == 0;
    }
}
