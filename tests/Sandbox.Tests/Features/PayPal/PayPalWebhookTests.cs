using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using GamesDrop.Sandbox.Tests.Infrastructure;
using GamesDrop.TestSupport;

namespace GamesDrop.Sandbox.Tests.Features.PayPal;

public sealed class PayPalWebhookTests() : SandboxTest(webhooks: true)
{
    private static Func<ReceivedWebhook, bool> Event(string type) => w => JsonDocument.Parse(w.Body).RootElement.GetProperty("event_type").GetString() == type;

    [Fact]
    public async Task Approval_capture_and_refund_each_push_a_signed_event_that_verifies()
    {
        var paypal = Sandbox.PayPal();
        var capture = await paypal.CapturedAsync(PayPalCalls.OrderBody("10.00", invoiceId: "GD-5", customId: "ours-5"));
        (await paypal.RefundAsync(capture.GetProperty("id").GetString()!)).Dispose();

        var approved = (await Webhooks.WaitForAsync(Event("CHECKOUT.ORDER.APPROVED"))).Single();
        var completed = (await Webhooks.WaitForAsync(Event("PAYMENT.CAPTURE.COMPLETED"))).Single();
        var refunded = (await Webhooks.WaitForAsync(Event("PAYMENT.CAPTURE.REFUNDED"))).Single();

        foreach (var push in new[] { approved, completed, refunded })
        {
            push.Path.Should().Be("/paypal");
            var envelope = JsonDocument.Parse(push.Body).RootElement;
            envelope.GetProperty("id").GetString().Should().StartWith("WH-");
            envelope.GetProperty("create_time").GetString().Should().NotBeNullOrEmpty();
            push.Headers["PAYPAL-AUTH-ALGO"].Should().Be("SHA256withRSA");
            (await SignatureVerifiesAsync(push)).Should().BeTrue("the signature is PayPal's: RSA over id|time|webhook id|crc32(body)");
            (await paypal.VerifyAsync(push)).Should().Be("SUCCESS");
        }
        var order = JsonDocument.Parse(approved.Body).RootElement;
        order.GetProperty("resource_type").GetString().Should().Be("checkout-order");
        order.GetProperty("resource").GetProperty("status").GetString().Should().Be("APPROVED");
        var captured = JsonDocument.Parse(completed.Body).RootElement.GetProperty("resource");
        captured.GetProperty("id").GetString().Should().Be(capture.GetProperty("id").GetString());
        captured.GetProperty("custom_id").GetString().Should().Be("ours-5");
        captured.GetProperty("invoice_id").GetString().Should().Be("GD-5");
        captured.GetProperty("supplementary_data").GetProperty("related_ids").GetProperty("order_id").GetString()
            .Should().Be(order.GetProperty("resource").GetProperty("id").GetString());
        JsonDocument.Parse(refunded.Body).RootElement.GetProperty("resource").GetProperty("amount").GetProperty("value").GetString().Should().Be("10.00");
    }

    [Fact]
    public async Task Verification_fails_for_a_changed_event_another_webhook_id_or_a_push_never_sent()
    {
        var paypal = Sandbox.PayPal();
        await paypal.ApprovedOrderIdAsync();
        var push = (await Webhooks.WaitForAsync(Event("CHECKOUT.ORDER.APPROVED"))).Single();
        var reformatted = JsonSerializer.Serialize(JsonDocument.Parse(push.Body).RootElement, new JsonSerializerOptions { WriteIndented = true });
        var forged = push with { Headers = new Dictionary<string, string>(push.Headers) { ["PAYPAL-TRANSMISSION-ID"] = Guid.NewGuid().ToString() } };

        (await paypal.VerifyAsync(push, body: reformatted)).Should().Be("SUCCESS", "whitespace is not a change");
        (await paypal.VerifyAsync(push, body: push.Text.Replace("APPROVED", "COMPLETED"))).Should().Be("FAILURE");
        (await paypal.VerifyAsync(push, webhookId: "WH-SOMEONE-ELSE")).Should().Be("FAILURE");
        (await paypal.VerifyAsync(forged)).Should().Be("FAILURE");
    }

    [Fact]
    public async Task A_push_the_store_refuses_is_retried_until_accepted()
    {
        Webhooks.FailNext = 2;

        await Sandbox.PayPal().ApprovedOrderIdAsync();

        var attempts = await Webhooks.WaitForAsync(Event("CHECKOUT.ORDER.APPROVED"), count: 3);
        attempts.Select(a => a.Headers["PAYPAL-TRANSMISSION-ID"]).Distinct().Should().ContainSingle();
    }

    private async Task<bool> SignatureVerifiesAsync(ReceivedWebhook push)
    {
        var pem = await Sandbox.CreateClient().GetStringAsync(new Uri(push.Headers["PAYPAL-CERT-URL"]).PathAndQuery);
        using var certificate = X509Certificate2.CreateFromPem(pem);
        var signed = Encoding.UTF8.GetBytes(string.Join('|', push.Headers["PAYPAL-TRANSMISSION-ID"], push.Headers["PAYPAL-TRANSMISSION-TIME"],
            SandboxApplication.PayPalWebhookId, Crc32(push.Body)));
        return certificate.GetRSAPublicKey()!.VerifyData(signed, Convert.FromBase64String(push.Headers["PAYPAL-TRANSMISSION-SIG"]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    [Fact]
    public void Test_crc32_matches_the_standard_check_value() => Crc32("123456789"u8.ToArray()).Should().Be(0xCBF43926u);

    /// <summary>Table-driven CRC-32 (IEEE), written apart from the sandbox's so the two check each other.</summary>
    private static uint Crc32(byte[] data)
    {
        var table = Enumerable.Range(0, 256).Select(n =>
        {
            var c = (uint)n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            return c;
        }).ToArray();
        return ~data.Aggregate(0xFFFFFFFFu, (crc, b) => table[(crc ^ b) & 0xFF] ^ (crc >> 8));
    }
}
