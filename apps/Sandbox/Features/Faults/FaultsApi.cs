using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Sandbox.Features.Faults;

/// <summary><c>/_sandbox/faults/{partner}</c>: read and set what goes wrong with a partner.</summary>
internal static class FaultsApi
{
    public static IServiceCollection AddFaults(this IServiceCollection services) => services.AddSingleton<FaultSwitches>();

    public static RouteGroupBuilder MapFaults(this RouteGroupBuilder admin)
    {
        var faults = admin.MapGroup("/faults");
        faults.MapGet("/{partner}", Get);
        faults.MapPut("/{partner}", Put);
        return admin;
    }

    private static Results<Ok<FaultSettings>, ProblemHttpResult> Get(string partner, FaultSwitches switches) =>
        Partners.All.Contains(partner) ? TypedResults.Ok(switches.For(partner)) : UnknownPartner(partner);

    /// <summary>Replaces the partner's settings; send <c>{}</c> to heal it.</summary>
    private static Results<Ok<FaultSettings>, ProblemHttpResult> Put(string partner, FaultSettings settings, FaultSwitches switches)
    {
        if (!Partners.All.Contains(partner))
        {
            return UnknownPartner(partner);
        }
        switches.Set(partner, settings);
        return TypedResults.Ok(settings);
    }

    private static ProblemHttpResult UnknownPartner(string partner) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Unknown partner.",
        detail: $"'{partner}' is not simulated; known: {string.Join(", ", Partners.All)}.");
}
