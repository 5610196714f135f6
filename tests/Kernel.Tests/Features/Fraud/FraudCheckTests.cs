using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Tests.Features.Orders;
using GamesDrop.Kernel.Tests.Features.Wishlist;
using static GamesDrop.Kernel.Tests.Features.Orders.OrderData;

namespace GamesDrop.Kernel.Tests.Features.Fraud;

/// <summary>
/// Each rule with thresholds low enough to trip in a few orders; any one rule holds (score 60), two refuse. Elden Ring
/// sells at 11.56: three make a "large first order" (from 30), six a large one (from 60).
/// </summary>
public sealed class FraudCheckTests : OrdersTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Fraud:HoldScore"] = "60",
        ["Fraud:RefuseScore"] = "120",
        ["Fraud:MaxOrdersPerAccount"] = "2",
        ["Fraud:MaxOrdersPerEmail"] = "5",
        ["Fraud:MaxOrdersPerIp"] = "2",
        ["Fraud:MaxOrdersPerDevice"] = "2",
        ["Fraud:MaxOrdersPerPayer"] = "2",
        ["Fraud:MaxAccountsPerDevice"] = "3",
        ["Fraud:MaxAccountsPerPayer"] = "2",
        ["Fraud:VelocityScore"] = "60",
        ["Fraud:IpVelocityScore"] = "60",
        ["Fraud:FirstOrderAmount"] = "30",
        ["Fraud:FirstOrderScore"] = "60",
        ["Fraud:LargeOrderAmount"] = "60",
        ["Fraud:LargeOrderScore"] = "60",
        ["Fraud:DeviceAccountsScore"] = "60",
        ["Fraud:PayerAccountsScore"] = "60",
        ["Fraud:DisposableEmailScore"] = "60",
    };

    [Fact]
    public async Task An_ordinary_order_is_allowed_and_the_check_is_on_its_timeline()
    {
        var order = await PlaceAsync("first@example.com");

        var verdict = await CheckAsync(order.OrderId);

        verdict.Should().BeEquivalentTo(new FraudVerdict(FraudDecisions.Allow, 0, []));
        (await StepsAsync(order.OrderId)).Should().Contain(("fraud-allow", "order check, score 0"));
    }

    [Fact]
    public async Task Too_many_orders_with_one_email_are_held_for_that_reason()
    {
        for (var i = 0; i < 5; i++)
        {
            (await CheckAsync((await PlaceAsync("busy@example.com")).OrderId)).Decision.Should().Be(FraudDecisions.Allow);
        }
        var sixth = await PlaceAsync("BUSY@example.com");

        var verdict = await CheckAsync(sixth.OrderId);

        await ShouldHoldForAsync(sixth.OrderId, verdict, "email-velocity");
    }

    [Fact]
    public async Task Too_many_orders_from_one_account_are_held_for_that_reason()
    {
        var user = await Client.CreateUserAsync("account@example.com");
        await PlaceAsync("a1@example.com", userId: user);
        await PlaceAsync("a2@example.com", userId: user);
        var third = await PlaceAsync("a3@example.com", userId: user);

        await ShouldHoldForAsync(third.OrderId, await CheckAsync(third.OrderId), "account-velocity");
    }

    [Fact]
    public async Task Too_many_orders_from_one_address_are_held_for_that_reason()
    {
        await PlaceAsync("ip@example.com", ip: "203.0.113.7");
        await PlaceAsync("ip@example.com", ip: "203.0.113.8");
        await PlaceAsync("ip@example.com", ip: "203.0.113.7");
        var third = await PlaceAsync("ip@example.com", ip: "203.0.113.7");

        await ShouldHoldForAsync(third.OrderId, await CheckAsync(third.OrderId), "ip-velocity");
    }

    [Fact]
    public async Task Too_many_orders_from_one_device_are_held_for_that_reason()
    {
        await PlaceAsync("device@example.com", device: "device-1");
        await PlaceAsync("device@example.com", device: "device-1");
        var third = await PlaceAsync("device@example.com", device: "device-1");

        await ShouldHoldForAsync(third.OrderId, await CheckAsync(third.OrderId), "device-velocity");
    }

    [Fact]
    public async Task Many_accounts_on_one_device_are_held_for_that_reason()
    {
        CreatedOrder? last = null;
        foreach (var email in new[] { "d1@example.com", "d2@example.com", "d3@example.com", "d4@example.com" })
        {
            last = await PlaceAsync(email, device: "shared-device");
        }

        var verdict = await CheckAsync(last!.OrderId);

        verdict.Reasons.Select(r => r.Rule).Should().Contain("device-accounts");
        verdict.Reasons.Single(r => r.Rule == "device-accounts").Detail.Should().Contain("4 accounts");
    }

    [Fact]
    public async Task Too_many_orders_paid_by_one_payer_are_held_once_the_payer_is_known()
    {
        await PayerCheckAsync("payer@example.com", "PAYERONE");
        await PayerCheckAsync("payer@example.com", "PAYERONE");

        var (third, verdict) = await PayerCheckAsync("payer@example.com", "PAYERONE");

        await ShouldHoldForAsync(third.OrderId, verdict, "payer-velocity");
        (await StepsAsync(third.OrderId)).Should().Contain(s => s.Step == "fraud-hold" && s.Note!.StartsWith("payer check"));
    }

    [Fact]
    public async Task Many_accounts_paid_by_one_payer_are_held_for_that_reason()
    {
        await PayerCheckAsync("p1@example.com", "PAYERTWO");
        await PayerCheckAsync("p2@example.com", "PAYERTWO");

        var (_, verdict) = await PayerCheckAsync("p3@example.com", "PAYERTWO");

        verdict.Reasons.Select(r => r.Rule).Should().Contain("payer-accounts");
        verdict.Decision.Should().NotBe(FraudDecisions.Allow);
    }

    [Fact]
    public async Task A_throwaway_email_is_held_for_that_reason()
    {
        var order = await PlaceAsync("someone@mail.mailinator.com");

        await ShouldHoldForAsync(order.OrderId, await CheckAsync(order.OrderId), "disposable-email");
    }

    [Fact]
    public async Task A_large_first_order_is_held_but_not_once_the_buyer_has_paid_before()
    {
        var first = await PlaceAsync("new@example.com", quantity: 3);
        await ShouldHoldForAsync(first.OrderId, await CheckAsync(first.OrderId), "first-order-amount");

        var paid = await PaidOrderAsync("paid@example.com");
        var second = await PlaceAsync("paid@example.com", quantity: 3);

        (await CheckAsync(second.OrderId)).Decision.Should().Be(FraudDecisions.Allow, $"{paid.Number} was paid by the same buyer");
    }

    [Fact]
    public async Task A_large_order_adds_up_with_a_first_order_and_is_refused()
    {
        var order = await PlaceAsync("whale@example.com", quantity: 6);

        var verdict = await CheckAsync(order.OrderId);

        verdict.Decision.Should().Be(FraudDecisions.Refuse);
        verdict.Score.Should().Be(120);
        verdict.Reasons.Select(r => r.Rule).Should().BeEquivalentTo("large-order", "first-order-amount");
        (await StepsAsync(order.OrderId)).Should().Contain(("fraud-refuse", "order check, score 120: first-order-amount, large-order"));
    }

    [Fact]
    public async Task A_repeated_check_answers_what_was_recorded_and_the_payer_check_is_recorded_beside_it()
    {
        var order = await PlaceAsync("twice@yopmail.com");
        await ReserveWithPaymentAsync(order);
        var first = await CheckAsync(order.OrderId);
        await PlaceAsync("twice@yopmail.com");

        var again = await CheckAsync(order.OrderId);
        var payer = await CheckAsync(order.OrderId, "CLEANPAYER");

        again.Should().BeEquivalentTo(first);
        payer.Decision.Should().Be(FraudDecisions.Hold);
        (await App.ScalarAsync<long>("SELECT count(*) FROM fraud_checks WHERE order_id = @Id", new { Id = order.OrderId })).Should().Be(2);
    }

    [Fact]
    public async Task A_bad_payer_id_is_refused_and_a_payer_before_payment_is_a_conflict()
    {
        var order = await PlaceAsync("edge@example.com");

        var bad = await Client.PostAsJsonAsync($"/kernel/orders/{order.OrderId}/fraud-check", new CheckFraud("not a payer id!"));
        var early = await Client.PostAsJsonAsync($"/kernel/orders/{order.OrderId}/fraud-check", new CheckFraud("PAYER"));
        var unknown = await Client.PostAsJsonAsync($"/kernel/orders/{Guid.NewGuid()}/fraud-check", new CheckFraud());

        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task ShouldHoldForAsync(Guid orderId, FraudVerdict verdict, string rule)
    {
        verdict.Decision.Should().Be(FraudDecisions.Hold);
        verdict.Reasons.Should().ContainSingle().Which.Rule.Should().Be(rule);
        verdict.Score.Should().Be(60);
        (await StepsAsync(orderId)).Should().Contain(s => s.Step == "fraud-hold" && s.Note!.EndsWith(": " + rule));
        (await App.ScalarAsync<string>("SELECT reasons->0->>'rule' FROM fraud_checks WHERE order_id = @Id ORDER BY at DESC LIMIT 1", new { Id = orderId }))
            .Should().Be(rule);
    }

    private async Task<CreatedOrder> PlaceAsync(string email, int quantity = 1, Guid? userId = null, string? ip = null, string? device = null)
    {
        var response = await Client.PostAsJsonAsync("/kernel/orders",
            new CreateOrder(userId, email, null, [new CreateOrderLine(Elden, quantity)], ip, device));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CreatedOrder>())!;
    }

    private async Task<CreatedOrder> PaidOrderAsync(string email)
    {
        var order = await PlaceAsync(email);
        await ReserveWithPaymentAsync(order);
        (await Client.CaptureAsync(order, $"CAP-{order.Number}")).StatusCode.Should().Be(HttpStatusCode.OK);
        return order;
    }

    private async Task ReserveWithPaymentAsync(CreatedOrder order)
    {
        (await Client.ReserveAsync(order.OrderId)).Reserved.Should().BeTrue();
        var payment = await Client.PostAsJsonAsync($"/kernel/orders/{order.OrderId}/payment",
            new RecordPayment($"PP-{order.Number}", $"https://paypal.example/approve/{order.Number}", order.Total, order.Currency));
        payment.StatusCode.Should().Be(HttpStatusCode.OK, await payment.Content.ReadAsStringAsync());
    }

    private async Task<(CreatedOrder Order, FraudVerdict Verdict)> PayerCheckAsync(string email, string payerId)
    {
        var order = await PlaceAsync(email);
        await ReserveWithPaymentAsync(order);
        return (order, await CheckAsync(order.OrderId, payerId));
    }

    private Task<FraudVerdict> CheckAsync(Guid orderId, string? payerId = null) =>
        Client.PostOkAsync<FraudVerdict>($"/kernel/orders/{orderId}/fraud-check", new CheckFraud(payerId));

    private async Task<IReadOnlyList<(string Step, string? Note)>> StepsAsync(Guid orderId) =>
        [.. (await App.QueryAsync<StepRow>("SELECT step AS Step, note AS Note FROM order_events WHERE order_id = @Id ORDER BY id", new { Id = orderId }))
            .Select(r => (r.Step, r.Note))];

    private sealed record StepRow(string Step, string? Note);
}
