using GamesDrop.Bff.Clients;
using GamesDrop.Contracts.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>The sales report behind the admin charts; the kernel computes it and validates the range.</summary>
public static class AdminAnalyticsApi
{
    public static RouteGroupBuilder MapAdminAnalytics(this RouteGroupBuilder routes)
    {
        routes.MapGet("/analytics", ReportAsync);
        return routes;
    }

    // Parameters are declared for the OpenAPI document and the web's generated types; the query goes on as it came.
    private static async Task<Results<Ok<SalesReport>, ValidationProblem>> ReportAsync(
        DateOnly? from, DateOnly? to, int? top, HttpRequest request, KernelClient kernel, CancellationToken ct) =>
        AdminArea.Answer(await kernel.SalesReportAsync(request.QueryString, ct));
}
