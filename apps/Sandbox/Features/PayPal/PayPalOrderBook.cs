using System.Security.Cryptography;
using GamesDrop.Sandbox.Features.Faults;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>
/// The simulated merchant account: orders, authorizations, captures, refunds, and the PayPal-Request-Id ledgers that make a repeated
/// call answer with the first result. Every change is one step under one lock, so two captures never both succeed.
/// </summary>
internal sealed class PayPalOrderBook(PayPalOptions options, PayPalWebhooks webhooks, FaultSwitches faults, TimeProvider clock)
{
    private const string IdAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    // How long PayPal honours a PayPal-Request-Id: 6 hours on Orders v2, 45 days on Payments v2.
    private static readonly TimeSpan OrdersReplayWindow = TimeSpan.FromHours(6);
    private static readonly TimeSpan PaymentsReplayWindow = TimeSpan.FromDays(45);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PayPalOrder> _orders = [];
    private readonly Dictionary<string, PayPalCapture> _captures = [];
    private readonly Dictionary<string, PayPalAuthorization> _authorizations = [];
    private readonly Dictionary<string, PayPalRefund> _refunds = [];
    private readonly HashSet<string> _invoiceIds = [];
    private readonly Dictionary<string, (string Id, DateTimeOffset At)> _creates = [];
    private readonly Dictionary<string, (string Id, DateTimeOffset At)> _captureCalls = [];
    private readonly Dictionary<string, (string Id, DateTimeOffset At)> _refundCalls = [];
    private readonly Dictionary<string, (string Id, DateTimeOffset At)> _authorizeCalls = [];
    private readonly Dictionary<string, (string Id, DateTimeOffset At)> _authorizationCaptureCalls = [];
    private readonly Dictionary<string, (string Id, DateTimeOffset At)> _voidCalls = [];

    public PayPalOrder? Order(string orderId)
    {
        lock (_gate)
        {
            return _orders.GetValueOrDefault(orderId);
        }
    }

    public OrderView? Find(string orderId, PayPalLinks links)
    {
        lock (_gate)
        {
            return _orders.TryGetValue(orderId, out var order) ? View(order, links) : null;
        }
    }

    public CaptureView? FindCapture(string captureId, PayPalLinks links)
    {
        lock (_gate)
        {
            return _captures.TryGetValue(captureId, out var capture) ? PayPalViews.Capture(capture, links, related: true) : null;
        }
    }

    public AuthorizationView? FindAuthorization(string authorizationId, PayPalLinks links)
    {
        lock (_gate)
        {
            return _authorizations.TryGetValue(authorizationId, out var authorization) ? PayPalViews.Authorization(authorization, links, related: true) : null;
        }
    }

    public Outcome<OrderView> Create(CreateOrderBody body, string? requestId, PayPalLinks links)
    {
        lock (_gate)
        {
            var now = clock.Now();
            if (Replayed(_creates, requestId, OrdersReplayWindow, now) is { } existing)
            {
                return Outcome<OrderView>.Replay(View(_orders[existing], links));
            }
            var units = body.PurchaseUnits!;
            if (units.FirstOrDefault(u => u.InvoiceId is not null && _invoiceIds.Contains(u.InvoiceId)) is { } duplicate)
            {
                return PayPalError.Refused("DUPLICATE_INVOICE_ID",
                    $"Duplicate Invoice ID detected ({duplicate.InvoiceId}). To avoid a potential duplicate transaction your account setting requires that Invoice Id be unique for each transaction.");
            }
            var order = new PayPalOrder(NewId(), body.Intent!, body.PayerActionStyle ? PayPalOrder.PayerActionRequired : PayPalOrder.Created, body.PayerActionStyle,
                [.. units.Select(u => new PayPalUnit(u.ReferenceId ?? "default", u.Amount!.ToMoney(), u.Description, u.CustomId, u.InvoiceId))],
                body.Experience, null, now, now);
            _orders[order.Id] = order;
            _invoiceIds.UnionWith(units.Select(u => u.InvoiceId).OfType<string>());
            Remember(_creates, requestId, order.Id, now);
            return Outcome<OrderView>.Done(View(order, links));
        }
    }

    /// <summary>The buyer approves on the approval page; approving again changes nothing and pushes nothing.</summary>
    /// <param name="payerId">A returning buyer's PayPal account; a new one when null.</param>
    public PayPalOrder? Approve(string orderId, string? countryCode, string? payerId, PayPalLinks links)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(orderId, out var order))
            {
                return null;
            }
            if (order.Status is not (PayPalOrder.Created or PayPalOrder.PayerActionRequired))
            {
                return order;
            }
            payerId ??= NewId(13);
            var payer = new PayPalPayer(payerId, $"buyer-{payerId.ToLowerInvariant()}@example.com", "Sandbox", "Buyer", countryCode ?? (string.IsNullOrEmpty(options.PayerCountry) ? null : options.PayerCountry));
            var approved = _orders[orderId] = order with { Status = PayPalOrder.Approved, Payer = payer, UpdateTime = clock.Now() };
            webhooks.OrderApproved(View(approved, links), links);
            return approved;
        }
    }

    public Outcome<OrderView> Capture(string orderId, string? requestId, PayPalLinks links)
    {
        lock (_gate)
        {
            var now = clock.Now();
            if (!_orders.TryGetValue(orderId, out var order))
            {
                return PayPalError.NotFound(orderId);
            }
            if (Replayed(_captureCalls, requestId, OrdersReplayWindow, now) == orderId)
            {
                return Outcome<OrderView>.Replay(View(order, links));
            }
            if (RefuseToSettle(order, CreateOrderBody.Capture) is { } refusal)
            {
                return refusal;
            }
            var captures = order.Units.Select(u => new PayPalCapture(NewId(), order.Id, null, PayPalCapture.Completed, u.Amount, u.CustomId, u.InvoiceId, 0, now, now)).ToList();
            foreach (var capture in captures)
            {
                _captures[capture.Id] = capture;
            }
            var completed = _orders[orderId] = order with
            {
                Status = PayPalOrder.Completed,
                Units = [.. order.Units.Zip(captures, (u, c) => u with { CaptureId = c.Id })],
                UpdateTime = now,
            };
            Remember(_captureCalls, requestId, orderId, now);
            captures.ForEach(c => webhooks.CaptureCompleted(PayPalViews.Capture(c, links, related: true), links));
            return Outcome<OrderView>.Done(View(completed, links));
        }
    }

    /// <summary>Holds the approved AUTHORIZE order's money: one authorization per unit; the order is then COMPLETED.</summary>
    public Outcome<OrderView> Authorize(string orderId, string? requestId, PayPalLinks links)
    {
        lock (_gate)
        {
            var now = clock.Now();
            if (!_orders.TryGetValue(orderId, out var order))
            {
                return PayPalError.NotFound(orderId);
            }
            if (Replayed(_authorizeCalls, requestId, OrdersReplayWindow, now) == orderId)
            {
                return Outcome<OrderView>.Replay(View(order, links));
            }
            if (RefuseToSettle(order, CreateOrderBody.Authorize) is { } refusal)
            {
                return refusal;
            }
            var authorizations = order.Units.Select(u => new PayPalAuthorization(NewId(), order.Id, PayPalAuthorization.Created, u.Amount, u.CustomId,
                u.InvoiceId, now + PayPalAuthorization.Validity, now, now)).ToList();
            authorizations.ForEach(a => _authorizations[a.Id] = a);
            var authorized = _orders[orderId] = order with
            {
                Status = PayPalOrder.Completed,
                Units = [.. order.Units.Zip(authorizations, (u, a) => u with { AuthorizationId = a.Id })],
                UpdateTime = now,
            };
            Remember(_authorizeCalls, requestId, orderId, now);
            authorizations.ForEach(a => webhooks.AuthorizationCreated(PayPalViews.Authorization(a, links, related: true), links));
            return Outcome<OrderView>.Done(View(authorized, links));
        }
    }

    /// <summary>Takes the authorised money, once: a second capture, or one after a void or the expiry, is refused.</summary>
    public Outcome<CaptureView> CaptureAuthorization(string authorizationId, string? requestId, PayPalLinks links)
    {
        lock (_gate)
        {
            var now = clock.Now();
            if (!_authorizations.TryGetValue(authorizationId, out var authorization))
            {
                return PayPalError.NotFound(authorizationId);
            }
            if (Replayed(_authorizationCaptureCalls, requestId, PaymentsReplayWindow, now) is { } earlier && _captures[earlier].AuthorizationId == authorizationId)
            {
                return Outcome<CaptureView>.Replay(PayPalViews.Capture(_captures[earlier], links, related: true));
            }
            switch (authorization.Status)
            {
                case PayPalAuthorization.Captured:
                    return PayPalError.Refused("AUTHORIZATION_ALREADY_CAPTURED", "Authorization has been previously captured and hence cannot be captured again.");
                case PayPalAuthorization.Voided:
                    return PayPalError.Refused("AUTHORIZATION_VOIDED", "A voided authorization cannot be captured or reauthorized.");
            }
            if (now > authorization.ExpirationTime)
            {
                return PayPalError.Refused("AUTHORIZATION_EXPIRED", "An expired authorization cannot be captured.");
            }
            var capture = new PayPalCapture(NewId(), authorization.OrderId, authorization.Id, PayPalCapture.Completed, authorization.Amount,
                authorization.CustomId, authorization.InvoiceId, 0, now, now);
            _captures[capture.Id] = capture;
            _authorizations[authorizationId] = authorization with { Status = PayPalAuthorization.Captured, UpdateTime = now };
            var order = _orders[authorization.OrderId];
            _orders[order.Id] = order with
            {
                Units = [.. order.Units.Select(u => u.AuthorizationId == authorizationId ? u with { CaptureId = capture.Id } : u)],
                UpdateTime = now,
            };
            Remember(_authorizationCaptureCalls, requestId, capture.Id, now);
            var view = PayPalViews.Capture(capture, links, related: true);
            webhooks.CaptureCompleted(view, links);
            return Outcome<CaptureView>.Done(view);
        }
    }

    /// <summary>Releases the authorised money; a captured authorization cannot be voided.</summary>
    public Outcome<AuthorizationView> VoidAuthorization(string authorizationId, string? requestId, PayPalLinks links)
    {
        lock (_gate)
        {
            var now = clock.Now();
            if (!_authorizations.TryGetValue(authorizationId, out var authorization))
            {
                return PayPalError.NotFound(authorizationId);
            }
            if (Replayed(_voidCalls, requestId, PaymentsReplayWindow, now) == authorizationId)
            {
                return Outcome<AuthorizationView>.Replay(PayPalViews.Authorization(authorization, links, related: true));
            }
            switch (authorization.Status)
            {
                case PayPalAuthorization.Captured:
                    return PayPalError.Refused("AUTHORIZATION_ALREADY_CAPTURED", "Authorization has been previously captured and hence cannot be voided.");
                case PayPalAuthorization.Voided:
                    return PayPalError.Refused("AUTHORIZATION_VOIDED", "Authorization has been previously voided and hence cannot be voided again.");
            }
            var voided = _authorizations[authorizationId] = authorization with { Status = PayPalAuthorization.Voided, UpdateTime = now };
            Remember(_voidCalls, requestId, authorizationId, now);
            var view = PayPalViews.Authorization(voided, links, related: true);
            webhooks.AuthorizationVoided(view, links);
            return Outcome<AuthorizationView>.Done(view);
        }
    }

    public Outcome<RefundView> Refund(string captureId, RefundBody body, string? requestId, PayPalLinks links)
    {
        lock (_gate)
        {
            var now = clock.Now();
            if (!_captures.TryGetValue(captureId, out var capture))
            {
                return PayPalError.NotFound(captureId);
            }
            if (Replayed(_refundCalls, requestId, PaymentsReplayWindow, now) is { } earlier && _refunds[earlier].CaptureId == captureId)
            {
                return Outcome<RefundView>.Replay(PayPalViews.Refund(_refunds[earlier], capture, links));
            }
            if (capture.Refundable <= 0)
            {
                return PayPalError.Refused("CAPTURE_FULLY_REFUNDED", "The capture has already been fully refunded.");
            }
            var amount = body.Amount?.ToMoney() ?? Money.Of(capture.Amount.CurrencyCode, capture.Refundable);
            if (amount.CurrencyCode != capture.Amount.CurrencyCode)
            {
                return PayPalError.Refused("REFUND_CAPTURE_CURRENCY_MISMATCH", "Refund must be in the same currency as the capture.");
            }
            if (amount.Amount > capture.Refundable)
            {
                return PayPalError.Refused("REFUND_AMOUNT_EXCEEDED", "The refund amount must be less than or equal to the capture amount that has not yet been refunded.");
            }
            var refunded = capture.Refunded + amount.Amount;
            capture = _captures[captureId] = capture with
            {
                Refunded = refunded,
                Status = refunded == capture.Amount.Amount ? PayPalCapture.FullyRefunded : PayPalCapture.PartiallyRefunded,
                UpdateTime = now,
            };
            var refund = new PayPalRefund(NewId(), captureId, "COMPLETED", amount, body.CustomId ?? capture.CustomId,
                body.InvoiceId ?? capture.InvoiceId, body.NoteToPayer, now);
            _refunds[refund.Id] = refund;
            Remember(_refundCalls, requestId, refund.Id, now);
            var view = PayPalViews.Refund(refund, capture, links);
            webhooks.CaptureRefunded(view, links);
            return Outcome<RefundView>.Done(view);
        }
    }

    /// <summary>
    /// Why the order cannot be captured (<paramref name="intent"/> CAPTURE) or authorised (AUTHORIZE) now: the other intent,
    /// done before, not approved, or the buyer's funding source declines. Null when it can.
    /// </summary>
    private PayPalError? RefuseToSettle(PayPalOrder order, string intent)
    {
        if (order.Intent != intent)
        {
            return PayPalError.Refused("ACTION_DOES_NOT_MATCH_INTENT",
                $"Order was created with an intent to '{order.Intent}'. Please use v2/checkout/orders/order_id/{order.Intent.ToLowerInvariant()} to complete the transaction or alternately Create an order with an intent of '{intent}'.");
        }
        if (order.Status == PayPalOrder.Completed)
        {
            return intent == CreateOrderBody.Capture
                ? PayPalError.Refused("ORDER_ALREADY_CAPTURED", "Order already captured. If 'intent=CAPTURE' only one capture per order is allowed.")
                : PayPalError.Refused("ORDER_ALREADY_AUTHORIZED", "Order already authorized. If 'intent=AUTHORIZE' only one authorization per order is allowed.");
        }
        if (order.Status != PayPalOrder.Approved)
        {
            return PayPalError.Refused("ORDER_NOT_APPROVED", "Payer has not yet approved the Order for payment. Please redirect the payer to the 'rel':'approve' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request.");
        }
        return faults.For(Partners.PayPal).Decline
            ? PayPalError.Refused("INSTRUMENT_DECLINED", "The instrument presented  was either declined by the processor or bank, or it can't be used for this payment.")
            : null;
    }

    private OrderView View(PayPalOrder order, PayPalLinks links) => PayPalViews.Order(order, id => _captures[id], id => _authorizations[id], links);

    private static string? Replayed(Dictionary<string, (string Id, DateTimeOffset At)> ledger, string? requestId, TimeSpan window, DateTimeOffset now) =>
        requestId is not null && ledger.TryGetValue(requestId, out var earlier) && now - earlier.At < window ? earlier.Id : null;

    private static void Remember(Dictionary<string, (string Id, DateTimeOffset At)> ledger, string? requestId, string id, DateTimeOffset now)
    {
        if (requestId is not null)
        {
            ledger[requestId] = (id, now);
        }
    }

    private static string NewId(int length = 17) => RandomNumberGenerator.GetString(IdAlphabet, length);
}

/// <summary>A call's result: its answer (first time or replayed for the same PayPal-Request-Id) or PayPal's refusal.</summary>
internal sealed record Outcome<T>(T? Value, bool Replayed, PayPalError? Error) where T : class
{
    public static Outcome<T> Done(T value) => new(value, false, null);

    public static Outcome<T> Replay(T value) => new(value, true, null);

    public static implicit operator Outcome<T>(PayPalError error) => new(null, false, error);
}
