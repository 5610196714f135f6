using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace GamesDrop.BuildingBlocks.Hosting;

/// <summary>
/// The store's own trouble, not the caller's: PostgreSQL or Redis unreachable or refusing work for now, another app or
/// partner not answering. Such a request gets 503 with <c>Retry-After</c>, never a 500, and the next one tries again, so
/// service comes back by itself when the server does.
/// </summary>
public static partial class StoreOutage
{
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception) => exception switch
    {
        NpgsqlException npgsql => npgsql.IsTransient || npgsql is PostgresException { SqlState: ['0', '8', ..] or ['5', '7', 'P', ..] or ['5', '3', ..] },
        RedisConnectionException or RedisTimeoutException => true,
        RedisServerException redis => redis.Message.StartsWith("LOADING", StringComparison.Ordinal) || redis.Message.StartsWith("OOM", StringComparison.Ordinal),
        HttpRequestException http => http.StatusCode is null or HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout,
        BrokenCircuitException or TimeoutRejectedException or SocketException or TimeoutException => true,
        Dapr.DaprException => true,
        _ => exception.InnerException is { } inner && Is(inner),
    };

    /// <summary>Answers 503 problem+json with <c>Retry-After</c>.</summary>
    public static IResult Answer(HttpContext context)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "We cannot serve this right now.", detail: $"Please try again in {RetryAfterSeconds} seconds.");
    }

    internal sealed partial class Handler(ILogger<Handler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            if (!Is(exception))
            {
                return false;
            }
            LogOutage(context.Request.Path, exception.GetType().Name, exception.Message);
            await Answer(context).ExecuteAsync(context);
            return true;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Answered {Path} with 503: {ExceptionType}: {Reason}")]
        private partial void LogOutage(string path, string exceptionType, string reason);
    }
}
