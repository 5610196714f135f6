using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Sandbox.Features.Faults;

/// <summary>
/// What is wrong with one partner right now; the defaults are a healthy partner. Public, as the types of request bodies
/// must be for the validation source generator to check them.
/// </summary>
/// <param name="LatencyMs">Added before every answer.</param>
/// <param name="ErrorRate">Share of calls, 0 to 1, answered with <paramref name="ErrorStatus"/> instead.</param>
/// <param name="ErrorStatus">The 5xx those calls get.</param>
/// <param name="Hang">Calls never answer, until the caller gives up: a timeout.</param>
/// <param name="OutOfStock">Every product reports no stock and purchases fail as sold out.</param>
/// <param name="PriceMultiplier">Every price is multiplied by it, so prices the store cached are stale.</param>
/// <param name="KeyDeliverySeconds">Overrides how long orders take to deliver their keys.</param>
/// <param name="PurchaseFault">
/// How a new purchase (a Kinguin order under a new orderExternalId, a Digiflazz transaction under a new ref_id) goes wrong:
/// <c>error-before</c> answers <paramref name="ErrorStatus"/> and records nothing; <c>error-after</c>, <c>hang-after</c> and
/// <c>drop-after</c> record the sale, then answer <paramref name="ErrorStatus"/>, never answer, or close the connection.
/// Looking the purchase up afterwards (order search, re-sending the ref_id) answers normally, as it would for a lost reply.
/// </param>
/// <param name="Decline">PayPal: every capture is refused with INSTRUMENT_DECLINED.</param>
/// <param name="DuplicateWebhooks">Every push is delivered twice, as partners warn they may.</param>
/// <param name="WebhookDelaySeconds">Every push waits this long before it goes out (on the sandbox's clock).</param>
/// <param name="RetryAfterSeconds">Telegram: every sendMessage is refused with 429 and this <c>retry_after</c> (flood control).</param>
public sealed record FaultSettings(
    [Range(0, 120_000)] int LatencyMs = 0,
    [Range(0.0, 1.0)] double ErrorRate = 0,
    [Range(500, 599)] int ErrorStatus = 503,
    bool Hang = false,
    bool OutOfStock = false,
    [Range(0.01, 100.0)] decimal PriceMultiplier = 1,
    [Range(0.0, 86_400.0)] double? KeyDeliverySeconds = null,
    [AllowedValues(null, PurchaseFaults.ErrorBefore, PurchaseFaults.ErrorAfter, PurchaseFaults.HangAfter, PurchaseFaults.DropAfter)]
    string? PurchaseFault = null,
    bool Decline = false,
    bool DuplicateWebhooks = false,
    [Range(0.0, 86_400.0)] double WebhookDelaySeconds = 0,
    [Range(0, 3600)] int RetryAfterSeconds = 0)
{
    public static readonly FaultSettings None = new();
}
