using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>
/// Admin view of the Digiflazz ledger. Digiflazz itself can only be asked by re-sending a transaction, which creates it when
/// missing; tests that must prove a transaction was never made read it here instead.
/// </summary>
internal static class DigiflazzAdminApi
{
    public static RouteGroupBuilder MapDigiflazzAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/digiflazz/transactions/{refId}", Find);
        return admin;
    }

    private static Results<JsonHttpResult<DigiflazzTransaction>, NotFound> Find(string refId, DigiflazzLedger ledger) =>
        ledger.Find(refId) is { } transaction ? TypedResults.Json(transaction, DigiflazzJson.Options) : TypedResults.NotFound();
}
