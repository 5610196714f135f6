using System.Net;
using System.Net.Http.Json;
using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.Contracts;
using Npgsql;

namespace GamesDrop.Kernel.Tests.Features.Currencies;

public sealed class CurrenciesApiTests : IAsyncLifetime
{
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed record Rate(string Currency, decimal RateToStore);

    [Fact]
    public async Task Changing_a_rate_stores_it_and_records_one_event_in_the_same_transaction()
    {
        using var client = _app.InternalClient();

        var response = await client.PutAsJsonAsync("/kernel/currency-rates/USD", new { rateToStore = 0.9312m });
        var again = await client.PutAsJsonAsync("/kernel/currency-rates/USD", new { rateToStore = 0.9312m });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        var rates = await client.GetFromJsonAsync<List<Rate>>("/kernel/currency-rates");
        rates!.Single(r => r.Currency == "USD").RateToStore.Should().Be(0.9312m);
        await using var connection = new NpgsqlConnection(_app.DatabaseConnectionString);
        var events = await connection.QueryAsync<string>(
            "SELECT data->>'currency' FROM messaging.outbox WHERE topic = @Topic", new { Topic = Topics.CurrencyRateChanged });
        events.Should().Equal(["USD"], "an unchanged rate publishes nothing");
    }

    [Fact]
    public async Task The_store_currency_is_always_worth_one()
    {
        using var client = _app.InternalClient();

        var response = await client.PutAsJsonAsync("/kernel/currency-rates/EUR", new { rateToStore = 1.1m });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("always has rate 1");
    }
}
