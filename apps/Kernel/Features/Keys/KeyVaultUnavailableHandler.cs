using Microsoft.AspNetCore.Diagnostics;

namespace GamesDrop.Kernel.Features.Keys;

/// <summary>A vault without its data key is the store's own trouble: 503 with Retry-After, and the operator is told why.</summary>
internal sealed partial class KeyVaultUnavailableHandler(IProblemDetailsService problems, ILogger<KeyVaultUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not KeyVaultUnavailableException)
        {
            return false;
        }
        LogUnavailable(logger, exception.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "60";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "The key vault is not available." },
        });
    }

    [LoggerMessage(LogLevel.Error, "Key vault unavailable: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
