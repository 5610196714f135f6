using System.ComponentModel.DataAnnotations;
using GamesDrop.Bff.Clients;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Claims;

/// <summary>
/// A buyer says a revealed key does not work: one claim per key, from the account's order page or the guest's receipt
/// (each checks the order is the caller's first). A key never revealed is refunded in one click instead.
/// </summary>
public static class BuyerClaims
{
    public static async Task<Results<Ok<BuyerClaim>, Accepted<BuyerClaim>, NotFound, ValidationProblem, ProblemHttpResult>> OpenAsync(
        Guid orderId, long keyId, ClaimRequest body, KernelClient kernel, CancellationToken ct) =>
        (await kernel.OpenClaimAsync(orderId, keyId, new OpenClaim(body.Reason, body.Message?.Trim()), ct))
            .ToResult(c => new BuyerClaim(c.ClaimId, c.KeyId, c.Reason, c.Status), "This key cannot be claimed");
}

/// <param name="Reason">What happened: already_used, invalid, wrong_region, wrong_platform or other.</param>
/// <param name="Message">The buyer's own words (control characters are refused with the rest of the body).</param>
public sealed record ClaimRequest(
    [Required, AllowedValues(ClaimReasons.AlreadyUsed, ClaimReasons.Invalid, ClaimReasons.WrongRegion, ClaimReasons.WrongPlatform, ClaimReasons.Other)]
    string Reason,
    [StringLength(ClaimReasons.MaxMessageLength)] string? Message);

/// <summary>The claim as its buyer sees it; the answer comes by mail and on the receipt.</summary>
public sealed record BuyerClaim(long ClaimId, long KeyId, string Reason, string Status);
