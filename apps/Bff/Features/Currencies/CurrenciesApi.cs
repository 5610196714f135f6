using GamesDrop.Bff.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Currencies;

/// <summary>Public exchange rates, so the storefront can show a shopper's own currency next to the store's.</summary>
public static class CurrenciesApi
{
    public static RouteGroupBuilder MapCurrencies(this RouteGroupBuilder routes)
    {
        routes.MapGet("/currency-rates", ListAsync).WithTags("Currencies").AllowAnonymous();
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<KernelCurrencyRate>>> ListAsync(KernelClient kernel, CancellationToken ct) =>
        TypedResults.Ok(await kernel.GetCurrencyRatesAsync(ct));
}
