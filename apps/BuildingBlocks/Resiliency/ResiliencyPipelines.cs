using GamesDrop.BuildingBlocks.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace GamesDrop.BuildingBlocks.Resiliency;

/// <summary>
/// Embedded profile: the policies daprd would apply to a target, built as a Polly pipeline from the same
/// resiliency.yaml values. Order as in Dapr: retry around the breaker around a per-attempt timeout.
/// </summary>
public static class ResiliencyPipelines
{
    /// <summary>Applies target <paramref name="target"/>'s policies, where <paramref name="when"/> holds.</summary>
    public static IHttpClientBuilder AddResiliencyPolicies(
        this IHttpClientBuilder client, string target, Func<IServiceProvider, bool>? when = null)
    {
        client.AddResilienceHandler($"dapr-resiliency-{target}", (pipeline, context) =>
        {
            if (when?.Invoke(context.ServiceProvider) == false)
            {
                return;
            }
            var policy = context.ServiceProvider.GetRequiredService<ComponentCatalog>().Resiliency.ForApp(target);
            if (policy is not null)
            {
                Build(pipeline, target, policy, context.ServiceProvider.GetRequiredService<CircuitBreakers>());
            }
        });
        return client;
    }

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

    public static void Build(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, string target, TargetPolicy policy, CircuitBreakers breakers)
    {
        if (policy.Retry is { } retry)
        {
            AddRetry(pipeline, retry, _ => true);
        }
        if (policy.CircuitBreaker is { } breakerPolicy)
        {
            var breaker = breakers.For(target, breakerPolicy);
            pipeline.AddStrategy(_ => new GoBreakerStrategy(breaker), new GoBreakerStrategyOptions());
        }
        if (policy.Timeout is { } timeout)
        {
            pipeline.AddTimeout(timeout);
        }
    }

    private static void AddRetry(
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

    private sealed class GoBreakerStrategyOptions : ResilienceStrategyOptions;

    private sealed class GoBreakerStrategy(GoCircuitBreaker breaker) : ResilienceStrategy<HttpResponseMessage>
    {
        protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
            Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
        {
            long generation;
            try
            {
                generation = breaker.Enter();
            }
            catch (BrokenCircuitException e)
            {
                return Outcome.FromException<HttpResponseMessage>(e);
            }
            var outcome = await callback(context, state);
            // Dapr counts any reply outside 200-399 as a failure, 4xx included.
            var success = outcome.Exception is null && outcome.Result is { StatusCode: >= (System.Net.HttpStatusCode)200 and < (System.Net.HttpStatusCode)400 };
            breaker.Exit(generation, success);
            return outcome;
        }
    }
}
