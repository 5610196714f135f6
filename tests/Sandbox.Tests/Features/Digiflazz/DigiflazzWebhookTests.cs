using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.Digiflazz;

public sealed class DigiflazzWebhookTests() : SandboxTest(webhooks: true)
{
    [Fact]
    public async Task Pending_test_transaction_settles_by_a_signed_update_webhook()
    {
        var digiflazz = Sandbox.Digiflazz();

        await digiflazz.TransactAsync("xld10", "087800001233", "hook-1", testing: true);
        var created = (await Webhooks.WaitForAsync(w => w.Headers["X-Digiflazz-Event"] == "create")).Single();
        Sandbox.Clock.Advance(TimeSpan.FromSeconds(30));
        var updated = (await Webhooks.WaitForAsync(w => w.Headers["X-Digiflazz-Event"] == "update")).Single();

        foreach (var push in new[] { created, updated })
        {
            push.Path.Should().Be("/digiflazz");
            push.Headers["User-Agent"].Should().Be("Digiflazz-Hookshot");
            Guid.TryParse(push.Headers["X-Digiflazz-Delivery"], out _).Should().BeTrue();
            push.Headers["X-Hub-Signature"].Should().Be(ExpectedSignature(push.Body), "the HMAC covers the raw body with the shared secret");
        }
        created.Headers["X-Digiflazz-Delivery"].Should().NotBe(updated.Headers["X-Digiflazz-Delivery"]);
        var data = JsonDocument.Parse(updated.Body).RootElement.GetProperty("data");
        data.GetProperty("ref_id").GetString().Should().Be("hook-1");
        data.GetProperty("status").GetString().Should().Be("Sukses");
        data.GetProperty("rc").GetString().Should().Be("00");
        data.GetProperty("trx_id").GetString().Should().NotBeNullOrEmpty();
        data.GetProperty("sn").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_tampered_body_no_longer_matches_the_signature()
    {
        await Sandbox.Digiflazz().TransactAsync("xld10", "087800001230", "hook-2", testing: true);
        var push = (await Webhooks.WaitForAsync(_ => true)).Single();

        var tampered = Encoding.UTF8.GetBytes(push.Text.Replace("Sukses", "Gagal"));

        ExpectedSignature(tampered).Should().NotBe(push.Headers["X-Hub-Signature"]);
    }

    private static string ExpectedSignature(byte[] body) =>
        "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(SandboxApplication.DigiflazzSecret), body));
}
