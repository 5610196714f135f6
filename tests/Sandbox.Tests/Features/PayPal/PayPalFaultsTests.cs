using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Sandbox.Tests.Infrastructure;
using GamesDrop.TestSupport;

namespace GamesDrop.Sandbox.Tests.Features.PayPal;

public sealed class PayPalFaultsTests() : SandboxTest(webhooks: true)
{
    [Fact]
    public async Task Decline_refuses_captures_with_INSTRUMENT_DECLINED_until_healed()
    {
        var paypal = Sandbox.PayPal();
        var orderId = await paypal.ApprovedOrderIdAsync();
        await SetAsync(new { decline = true });

        using var declined = await paypal.CaptureAsync(orderId);
        await SetAsync(new { });
        using var captured = await paypal.CaptureAsync(orderId);

        PayPalCalls.Issue(await PayPalCalls.ErrorAsync(declined, 422)).Should().Be("INSTRUMENT_DECLINED");
        captured.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Forced_5xx_answers_in_PayPal_error_shape()
    {
        var paypal = Sandbox.PayPal();
        await paypal.TokenAsync();
        await SetAsync(new { errorRate = 1.0, errorStatus = 503 });

        using var failing = await paypal.CreateAsync(PayPalCalls.OrderBody());

        var error = await PayPalCalls.ErrorAsync(failing, 503);
        error.GetProperty("name").GetString().Should().Be("SERVICE_UNAVAILABLE");
        error.GetProperty("debug_id").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Timeout_leaves_the_caller_without_an_answer_but_the_capture_happens_and_a_repeat_returns_it()
    {
        var paypal = Sandbox.PayPal();
        var orderId = await paypal.ApprovedOrderIdAsync();
        var impatient = Sandbox.PayPal();
        impatient.Http.Timeout = TimeSpan.FromMilliseconds(300);
        impatient.Http.DefaultRequestHeaders.Authorization = paypal.Http.DefaultRequestHeaders.Authorization;
        await SetAsync(new { hang = true });

        var call = () => impatient.CaptureAsync(orderId, requestId: "capture-slow");

        await call.Should().ThrowAsync<TaskCanceledException>();
        await SetAsync(new { });
        (await Eventually.HoldsAsync(async () => (await paypal.GetOrderAsync(orderId)).GetProperty("status").GetString() == "COMPLETED"))
            .Should().BeTrue("the partner finished the capture nobody waited for");
        using var repeat = await paypal.CaptureAsync(orderId, requestId: "capture-slow");
        repeat.StatusCode.Should().Be(HttpStatusCode.OK);
        (await repeat.JsonAsync()).GetProperty("status").GetString().Should().Be("COMPLETED");
    }

    [Fact]
    public async Task Duplicate_webhooks_deliver_each_event_twice()
    {
        await SetAsync(new { duplicateWebhooks = true });

        await Sandbox.PayPal().ApprovedOrderIdAsync();

        var pushes = await Webhooks.WaitForAsync(_ => true, count: 2);
        pushes.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("id").GetString()).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Late_webhooks_wait_on_the_sandbox_clock_and_keep_their_event_time()
    {
        await SetAsync(new { webhookDelaySeconds = 600 });
        await Sandbox.PayPal().ApprovedOrderIdAsync();
        var approvedAt = Sandbox.Clock.GetUtcNow();

        Webhooks.Received.Should().BeEmpty("the push waits ten minutes");
        Sandbox.Clock.Advance(TimeSpan.FromSeconds(600));

        var push = (await Webhooks.WaitForAsync(_ => true)).Single();
        DateTimeOffset.Parse(push.Headers["PAYPAL-TRANSMISSION-TIME"]).Should().BeCloseTo(approvedAt, TimeSpan.FromSeconds(1));
    }

    private async Task SetAsync(object settings)
    {
        using var response = await Sandbox.Admin().PutAsJsonAsync("/_sandbox/faults/paypal", settings);
        response.EnsureSuccessStatusCode();
    }
}
