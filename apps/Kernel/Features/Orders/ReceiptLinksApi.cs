using System.Security.Cryptography;
using Dapper;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>
/// A fresh link to a guest's receipt, for the mail that tells them their keys are ready. Only its hash is kept, and the
/// clear token is answered once, to the notifier, which puts it in that mail alone.
/// </summary>
public static class ReceiptLinksApi
{
    public static RouteGroupBuilder MapReceiptLinks(this RouteGroupBuilder routes)
    {
        routes.MapPost("/orders/{orderId}/receipt-links", MintAsync).WithTags("Orders");
        return routes;
    }

    private static async Task<Results<Created<ReceiptLink>, NotFound>> MintAsync(Guid orderId, NpgsqlDataSource db, CancellationToken ct)
    {
        var token = RandomNumberGenerator.GetBytes(32);
        await using var connection = await db.OpenConnectionAsync(ct);
        var minted = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            ReceiptsSql.MintLink, new { TokenHash = ReceiptTokens.Hash(token), OrderId = orderId }, cancellationToken: ct));
        // An account's order is read signed in, never through a link anyone holding the mail could open.
        return minted is null ? TypedResults.NotFound() : TypedResults.Created((string?)null, new ReceiptLink(ReceiptTokens.Encode(token)));
    }
}
