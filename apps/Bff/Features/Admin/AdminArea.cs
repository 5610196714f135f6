using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>
/// The one group every admin endpoint is mapped in: admin role, CSRF on writes, and to anyone else the area does not
/// exist (404, as for an unknown path), so a customer or a stranger learns nothing about which admin routes there are.
/// </summary>
public static class AdminArea
{
    public const string Prefix = "/admin";

    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder routes)
    {
        var admin = routes.MapGroup(Prefix).WithTags("Admin").WithMetadata(Hidden.Instance)
            .RequireAuthorization(SessionAuthentication.Admin).AddEndpointFilter<CsrfFilter>();
        admin.MapAdminUsers()
            .MapAdminOrders()
            .MapAdminOrderActions()
            .MapAdminReviews()
            .MapAdminClaims()
            .MapAdminAudit()
            .MapAdminSettings()
            .MapAdminNotifications()
            .MapAdminInventory()
            .MapAdminSuppliers()
            .MapAdminAnalytics();
        return routes;
    }

    /// <summary>A kernel read for an admin page: its value, or the kernel's refusal of the query as a 400.</summary>
    public static Results<Ok<T>, ValidationProblem> Answer<T>(AppAnswer<T> answer) =>
        answer.Errors is { } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(answer.Value!);

    public static IServiceCollection AddAdminArea(this IServiceCollection services) =>
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, NotFoundForOthers>().AddTransient<AdminAudit>();

    /// <summary>Marks the endpoints of the admin group; the route-table test checks every admin route carries it.</summary>
    public sealed class Hidden
    {
        public static readonly Hidden Instance = new();

        private Hidden()
        {
        }
    }

    // Turns the admin group's 401 and 403 into 404; every other endpoint keeps the framework's answers.
    private sealed class NotFoundForOthers : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (!authorizeResult.Succeeded && context.GetEndpoint()?.Metadata.GetMetadata<Hidden>() is not null)
            {
                return TypedResults.NotFound().ExecuteAsync(context);
            }
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
