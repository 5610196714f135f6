using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.Digiflazz;

public sealed class DigiflazzSignTests : SandboxTest
{
    [Fact]
    public async Task Balance_with_the_right_sign_answers_the_deposit()
    {
        var (status, data) = await Sandbox.Digiflazz().BalanceAsync();

        status.Should().Be(200);
        data.GetProperty("deposit").GetInt64().Should().Be(SandboxApplication.DigiflazzDeposit);
    }

    [Theory]
    [InlineData("pricelist")]  // a sign made for another call
    [InlineData("depo-but-wrong")]
    public async Task Balance_with_a_wrong_sign_gets_rc_41(string x)
    {
        var (status, data) = await Sandbox.Digiflazz().BalanceAsync(DigiflazzClient.Sign(x));

        status.Should().Be(400);
        data.GetProperty("rc").GetString().Should().Be("41");
    }

    [Fact]
    public async Task Sign_made_with_another_api_key_is_refused_on_every_call()
    {
        var digiflazz = Sandbox.Digiflazz();
        var foreign = DigiflazzClient.Sign("ref-1", apiKey: "production-key");

        var (_, transaction) = await digiflazz.TransactAsync("xld10", "087800001230", "ref-1", testing: true, sign: foreign);
        var (_, priceList) = await digiflazz.PostAsync("price-list",
            new { cmd = "prepaid", username = SandboxApplication.DigiflazzUser, sign = DigiflazzClient.Sign("pricelist", apiKey: "production-key") });

        transaction.GetProperty("rc").GetString().Should().Be("41");
        transaction.GetProperty("status").GetString().Should().Be("Gagal");
        priceList.GetProperty("rc").GetString().Should().Be("41");
    }

    [Fact]
    public async Task Unreadable_body_gets_rc_40()
    {
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        using var response = await Sandbox.CreateClient().PostAsync("/digiflazz/v1/transaction", content);
        var data = (await response.JsonAsync()).GetProperty("data");

        ((int)response.StatusCode).Should().Be(400);
        data.GetProperty("rc").GetString().Should().Be("40");
    }
}
