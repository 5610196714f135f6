using GamesDrop.BuildingBlocks.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace GamesDrop.BuildingBlocks.Resiliency;

/// <summary>
/// The apps' own retries of repeatable calls, as Polly (Microsoft.Extensions.Http.Resilience) pipelines built from
/// resiliency.yaml's values. The Embedded runtime builds daprd's per-target policies from the same values.
/// </summary>
public static class ResiliencyPipelines
{
    /// <summary>
    /// Retries, in both profiles, the calls that are safe to repeat with retry policy <paramref name="policyName"/>: GET,
    /// HEAD, OPTIONS, PUT and DELETE, and a POST or PATCH only with an <see cref="IdempotencyKeyHeader"/>. daprd cannot
    /// tell them apart (a target's retry repeats POSTs too), so app targets in resiliency.yaml carry none.
    /// </summary>
    public static IHttpClientBuilder AddIdempotentRetries(this IHttpClientBuilder client, string policyName)
    {
        client.AddResilienceHandler($"idempotent-retries-{policyName}", (pipeline, context) =>
        {
            if (context.ServiceProvider.GetRequiredService<ComponentCatalog>().Resiliency.Retry(policyName) is { } retry)
            {
                AddRetry(pipeline, retry, args => IsRepeatable(args.Context.GetRequestMessage()));
            }
        });
        return client;
    }

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static bool IsRepeatable(HttpRequestMessage? request) => request is not null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
            || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete
            || request.Headers.Contains(IdempotencyKeyHeader));

    /// <summary>A retry with resiliency.yaml's policy <paramref name="retry"/>, for what <paramref name="applies"/> to.</summary>
    public static void AddRetry(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, RetryPolicy retry, Func<RetryPredicateArguments<HttpResponseMessage>, bool> applies) =>
        pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = retry.MaxRetries < 0 ? int.MaxValue : retry.MaxRetries,
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(retry.DelayBefore(args.AttemptNumber + 1)),
            ShouldHandle = args => ValueTask.FromResult(applies(args) && args.Outcome switch
            {
                { Exception: BrokenCircuitException } => false,
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                { Result: { } response } => retry.Retries((int)response.StatusCode),
                _ => false,
            }),
        });
}
