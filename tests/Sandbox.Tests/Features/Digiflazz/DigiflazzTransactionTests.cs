using GamesDrop.Sandbox.Tests.Infrastructure;
using GamesDrop.TestSupport;

namespace GamesDrop.Sandbox.Tests.Features.Digiflazz;

public sealed class DigiflazzTransactionTests : SandboxTest
{
    private DigiflazzClient Digiflazz => Sandbox.Digiflazz();

    [Fact]
    public async Task Sale_is_Pending_then_Sukses_with_the_key_in_sn_and_the_deposit_charged_once()
    {
        var product = await DigiflazzCatalog.SellableAsync(Digiflazz);
        var sku = product.GetProperty("buyer_sku_code").GetString()!;
        var price = product.GetProperty("price").GetInt64();

        var (status, first) = await Digiflazz.TransactAsync(sku, "0811111111", "order-1");
        Sandbox.Clock.Advance(TimeSpan.FromSeconds(30));
        var settled = await SettledAsync(sku, "0811111111", "order-1");
        var (_, balance) = await Digiflazz.BalanceAsync();

        status.Should().Be(200);
        first.GetProperty("status").GetString().Should().Be("Pending");
        first.GetProperty("rc").GetString().Should().Be("03");
        first.GetProperty("price").GetInt64().Should().Be(price);
        first.GetProperty("buyer_last_saldo").GetInt64().Should().Be(SandboxApplication.DigiflazzDeposit - price);
        settled.GetProperty("rc").GetString().Should().Be("00");
        settled.GetProperty("sn").GetString().Should().MatchRegex("^[A-Z0-9]{4,5}(-[A-Z0-9]{4,5})+$");
        balance.GetProperty("deposit").GetInt64().Should().Be(SandboxApplication.DigiflazzDeposit - price);
    }

    [Fact]
    public async Task Resending_the_same_ref_id_answers_the_same_transaction()
    {
        var sku = (await DigiflazzCatalog.SellableAsync(Digiflazz)).GetProperty("buyer_sku_code").GetString()!;
        var (_, first) = await Digiflazz.TransactAsync(sku, "0811111111", "order-2");

        var (_, again) = await Digiflazz.TransactAsync(sku, "0811111111", "order-2");
        var (_, balance) = await Digiflazz.BalanceAsync();

        again.GetRawText().Should().Be(first.GetRawText());
        balance.GetProperty("deposit").GetInt64().Should().Be(first.GetProperty("buyer_last_saldo").GetInt64(), "a status check charges nothing");
    }

    [Fact]
    public async Task Ref_id_reused_for_another_payload_gets_rc_49()
    {
        var sku = (await DigiflazzCatalog.SellableAsync(Digiflazz)).GetProperty("buyer_sku_code").GetString()!;
        await Digiflazz.TransactAsync(sku, "0811111111", "order-3");

        var (_, reused) = await Digiflazz.TransactAsync(sku, "0822222222", "order-3");

        reused.GetProperty("rc").GetString().Should().Be("49");
        reused.GetProperty("status").GetString().Should().Be("Gagal");
    }

    [Fact]
    public async Task Price_above_max_price_is_refused_without_a_transaction()
    {
        var product = await DigiflazzCatalog.SellableAsync(Digiflazz);
        var sku = product.GetProperty("buyer_sku_code").GetString()!;
        var price = product.GetProperty("price").GetInt64();

        var (_, refused) = await Digiflazz.TransactAsync(sku, "0811111111", "order-4", maxPrice: price - 1);
        var (_, accepted) = await Digiflazz.TransactAsync(sku, "0811111111", "order-4", maxPrice: price);

        refused.GetProperty("rc").GetString().Should().Be("69");
        refused.GetProperty("status").GetString().Should().Be("Gagal");
        accepted.GetProperty("rc").GetString().Should().Be("03", "the refusal stored nothing, so the ref_id is still free");
    }

    [Fact]
    public async Task Unknown_sku_gets_rc_43_and_a_price_above_the_deposit_rc_44()
    {
        await using var poor = new SandboxApplication(new Dictionary<string, string?> { ["Sandbox:Digiflazz:Deposit"] = "100" });
        var digiflazz = poor.Digiflazz();
        var sku = (await DigiflazzCatalog.SellableAsync(digiflazz)).GetProperty("buyer_sku_code").GetString()!;

        var (_, unknown) = await digiflazz.TransactAsync("no-such-sku", "0811111111", "order-5");
        var (_, broke) = await digiflazz.TransactAsync(sku, "0811111111", "order-6");

        unknown.GetProperty("rc").GetString().Should().Be("43");
        broke.GetProperty("rc").GetString().Should().Be("44");
    }

    [Theory]
    [InlineData("087800001230", "Sukses", "00", "Sukses")]
    [InlineData("087800001232", "Gagal", "02", "Gagal")]
    [InlineData("087800001233", "Pending", "03", "Sukses")]
    [InlineData("087800001234", "Pending", "03", "Gagal")]
    public async Task Test_numbers_for_xld10_give_the_documented_outcomes(string customerNo, string first, string rc, string final)
    {
        var (_, answer) = await Digiflazz.TransactAsync("xld10", customerNo, $"test-{customerNo}", testing: true);
        Sandbox.Clock.Advance(TimeSpan.FromSeconds(30));
        var settled = await SettledAsync("xld10", customerNo, $"test-{customerNo}", testing: true);
        var (_, balance) = await Digiflazz.BalanceAsync();

        answer.GetProperty("status").GetString().Should().Be(first);
        answer.GetProperty("rc").GetString().Should().Be(rc);
        settled.GetProperty("status").GetString().Should().Be(final);
        (settled.GetProperty("sn").GetString() != "").Should().Be(final == "Sukses");
        balance.GetProperty("deposit").GetInt64().Should().Be(SandboxApplication.DigiflazzDeposit, "test transactions are free");
    }

    /// <summary>Polls by re-sending the request, as Digiflazz asks, until the transaction leaves Pending.</summary>
    private async Task<System.Text.Json.JsonElement> SettledAsync(string sku, string customerNo, string refId, bool testing = false)
    {
        var latest = default(System.Text.Json.JsonElement);
        await Eventually.HoldsAsync(async () =>
        {
            (_, latest) = await Digiflazz.TransactAsync(sku, customerNo, refId, testing);
            return latest.GetProperty("status").GetString() != "Pending";
        }, TimeSpan.FromSeconds(5));
        return latest;
    }
}
