using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Suppliers.Features.Refresh;

/// <summary>
/// Stale offers a product page showed, queued for a re-read in the background (<see cref="OfferRefresher"/>); answered at once,
/// whatever the suppliers are doing.
/// </summary>
public static class RefreshApi
{
    private const int MaxOffers = 100;

    public static RouteGroupBuilder MapRefresh(this RouteGroupBuilder routes)
    {
        routes.MapPost("/offers/refresh", Refresh).WithTags("Refresh");
        return routes;
    }

    private static Results<Accepted<Queued>, ValidationProblem> Refresh(RefreshRequest request, OfferRefresher refresher)
    {
        if (request.Offers is not { Count: > 0 and <= MaxOffers })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["offers"] = [$"Between 1 and {MaxOffers} offers."] });
        }
        return TypedResults.Accepted((string?)null, new Queued(refresher.Enqueue(request.Offers)));
    }

    public sealed record RefreshRequest(IReadOnlyList<OfferRef>? Offers);

    /// <param name="Count">Offers queued now; the others were already waiting.</param>
    public sealed record Queued(int Count);
}
