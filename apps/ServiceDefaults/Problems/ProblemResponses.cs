using System.Diagnostics;
using GamesDrop.ServiceDefaults.Requests;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.ServiceDefaults.Problems;

/// <summary>Every error leaves as problem+json with the correlation id; malformed requests are 4xx, never 500.</summary>
public static class ProblemResponses
{
    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToHexString() ?? c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }

    /// <summary>Turns the framework's bad-request exceptions (unreadable JSON, body too large) into their own status.</summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }
            context.Response.StatusCode = bad.StatusCode;
            // A field the edge refused (SafeText) is named, as the endpoint's own validation would name it.
            var details = bad.InnerException is SafeText.UnsafeTextException unsafeText
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [unsafeText.Field] = [unsafeText.Message] })
                : new ProblemDetails { Detail = bad.Message };
            details.Status = bad.StatusCode;
            details.Title = "The request is not valid.";
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
        }
    }
}
