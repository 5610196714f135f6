using GamesDrop.ServiceDefaults.Settings;

namespace GamesDrop.Sandbox.Admin;

/// <summary>Guards the admin endpoints: fault switches and pushes must not be flipped by whatever else runs on the box.</summary>
internal static class AdminToken
{
    public const string Header = "X-Sandbox-Admin-Token";

    public static IServiceCollection AddAdminToken(this IServiceCollection services)
    {
        services.AddSettings<AdminOptions>(AdminOptions.Section);
        return services;
    }

    public static RouteGroupBuilder RequireAdminToken(this RouteGroupBuilder group)
    {
        group.WithTags("Sandbox admin").AddEndpointFilter(async (context, next) =>
        {
            var expected = context.HttpContext.RequestServices.GetRequiredService<AdminOptions>().AdminToken;
            var given = context.HttpContext.Request.Headers[Header].ToString();
            return ConstantTime.Matches(given, expected)
                ? await next(context)
                : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                    title: "Sandbox admin token missing or wrong.", detail: $"Send header {Header}.");
        });
        return group;
    }
}
