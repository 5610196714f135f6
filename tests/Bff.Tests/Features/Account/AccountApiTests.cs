using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using GamesDrop.AppTesting;
using Npgsql;

namespace GamesDrop.Bff.Tests.Features.Account;

public sealed class AccountApiTests : IAsyncLifetime
{
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_shopper_reads_their_own_order_but_another_shoppers_order_id_is_not_found()
    {
        using var ann = await new Shopper(_app).SignedUpAsync("ann@example.com");
        using var bob = await new Shopper(_app).SignedUpAsync("bob@example.com");
        var orderId = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(_app.DatabaseConnectionString))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO orders (id, number, user_id, email, receipt_token_hash, status, currency, total)
                VALUES (@orderId, 'GD-1', @UserId, 'ann@example.com', '\x01', 'completed', 'EUR', 25)
                """,
                new { orderId, UserId = ann.Id });
        }

        var own = await ann.Http.GetFromJsonAsync<JsonElement>($"/bff/api/account/orders/{orderId}");
        var guessed = await bob.Http.GetAsync($"/bff/api/account/orders/{orderId}");
        var bobsList = await bob.Http.GetFromJsonAsync<JsonElement>("/bff/api/account/orders");
        var annsList = await ann.Http.GetFromJsonAsync<JsonElement>("/bff/api/account/orders");

        own.GetProperty("number").GetString().Should().Be("GD-1");
        guessed.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await guessed.Content.ReadAsStringAsync()).Should().NotContain("GD-1");
        bobsList.GetArrayLength().Should().Be(0);
        annsList.GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Account_pages_need_a_session()
    {
        using var anonymous = _app.PublicClient();

        var profile = await anonymous.GetAsync("/bff/api/account/profile");
        var orders = await anonymous.GetAsync("/bff/api/account/orders");

        (profile.StatusCode, orders.StatusCode).Should().Be((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized));
    }
}
