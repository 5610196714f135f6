using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using GamesDrop.Contracts.Orders;
using GamesDrop.TestSupport;
using Npgsql;

namespace GamesDrop.Notifier.Tests.Features.Mail;

/// <summary>The buyer's mails for a real order: the kernel completes and refunds it, its events reach the notifier, the mails a real SMTP server.</summary>
public sealed partial class ReceiptMailTests : IAsyncLifetime
{
    private const string Guest = "guest@example.com";
    private NotifierStore _store = null!;

    public async Task InitializeAsync() => _store = await NotifierStore.StartAsync(new Dictionary<string, string?> { ["Store:PublicUrl"] = "https://shop.example" });

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [GeneratedRegex(@"https://shop\.example/receipt/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex ReceiptLink();

    [Fact]
    public async Task A_guests_receipt_mail_carries_a_link_that_opens_the_receipt_and_the_link_is_in_no_table_in_clear()
    {
        var order = await _store.CompletedGuestOrderAsync(Guest);

        (await Eventually.HoldsAsync(() => Task.FromResult(_store.Store.Mail.MailsTo(Guest).Count > 0), TimeSpan.FromSeconds(60))).Should().BeTrue();
        var mail = _store.Store.Mail.MailsTo(Guest).Should().ContainSingle().Subject;
        mail.Subject.Should().Be($"Your keys for order {order.Number}");
        var token = ReceiptLink().Match(mail.TextBody!).Groups["token"].Value;
        token.Should().NotBeEmpty().And.NotBe(order.ReceiptToken, "the mail gets a link of its own");
        mail.HtmlBody.Should().Contain($"<a href=\"https://shop.example/receipt/{token}\">Reveal your keys</a>");
        using var kernel = _store.Store.InternalClient();
        (await kernel.GetFromJsonAsync<OrderReceipt>($"/kernel/receipts/{token}"))!.OrderId.Should().Be(order.OrderId);
        (await Eventually.HoldsAsync(async () => (await _store.DeliveriesAsync("mail")).GetValueOrDefault("sent") == 1)).Should().BeTrue();
        (await RowsContainingAsync(token)).Should().BeEmpty("only the sent mail holds the link in clear");
    }

    [Fact]
    public async Task A_refund_mails_the_buyer_whose_address_the_notifier_asks_of_the_kernel()
    {
        var order = await _store.CompletedGuestOrderAsync(Guest);
        (await Eventually.HoldsAsync(() => Task.FromResult(_store.Store.Mail.MailsTo(Guest).Count == 1), TimeSpan.FromSeconds(60))).Should().BeTrue();
        using var kernel = _store.Store.InternalClient();

        var refund = await kernel.PostAsJsonAsync($"/kernel/orders/{order.OrderId}/refunds",
            new RecordRefund("REF-1", order.Total, order.Currency, [order.Lines.Single().LineId]));

        refund.StatusCode.Should().Be(HttpStatusCode.OK, await refund.Content.ReadAsStringAsync());
        (await Eventually.HoldsAsync(() => Task.FromResult(_store.Store.Mail.MailsTo(Guest).Count == 2), TimeSpan.FromSeconds(60))).Should().BeTrue();
        var mail = _store.Store.Mail.MailsTo(Guest).Should().ContainSingle(m => m.Subject == $"Refund on order {order.Number}").Subject;
        mail.TextBody.Should().Contain($"We refunded €{order.Total:0.00} on order {order.Number}.");
        mail.HtmlBody.Should().Contain("<p>We refunded €");
        (await _store.Inner.QueryAsync<long>("SELECT count(*) FROM messaging.outbox WHERE topic = 'order-refunded' AND data::text LIKE '%' || @Guest || '%'",
            new { Guest })).Should().Be(0, "the address does not travel on the bus");
    }

    /// <summary>Every row of every table whose text form holds <paramref name="secret"/>, as text or as bytes.</summary>
    private async Task<IReadOnlyList<string>> RowsContainingAsync(string secret)
    {
        await using var connection = new NpgsqlConnection(_store.Store.DatabaseConnectionString);
        var tables = await connection.QueryAsync<string>("""
            SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
            """);
        var hex = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(secret));
        var found = new List<string>();
        foreach (var table in tables)
        {
            found.AddRange(await connection.QueryAsync<string>(
                $"SELECT '{table}' FROM {table} t WHERE position(@Secret in t::text) > 0 OR position(@Hex in t::text) > 0", new { Secret = secret, Hex = hex }));
        }
        return found;
    }
}
