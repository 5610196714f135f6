using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Resiliency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace GamesDrop.Embedded.Runtime.Resiliency;

/// <summary>
/// The policies daprd would apply to a target, built as a Polly pipeline from the same resiliency.yaml values: Polly's
/// retry and timeout match Dapr's; the breaker is <see cref="GoCircuitBreaker"/> (see there why). Order as in Dapr:
/// retry around the breaker around a per-attempt timeout.
/// </summary>
public static class TargetPolicies
{
    /// <summary>Applies target <paramref name="target"/>'s policies.</summary>
    public static IHttpClientBuilder AddTargetPolicies(this IHttpClientBuilder client, string target)
    {
        client.AddResilienceHandler($"dapr-resiliency-{target}", (pipeline, context) =>
        {
            var policy = context.ServiceProvider.GetRequiredService<ComponentCatalog>().Resiliency.ForApp(target);
            if (policy is not null)
            {
                Build(pipeline, target, policy, context.ServiceProvider.GetRequiredService<CircuitBreakers>());
            }
        });
        return client;
    }

    public static void Build(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, string target, TargetPolicy policy, CircuitBreakers breakers)
    {
        if (policy.Retry is { } retry)
        {
            ResiliencyPipelines.AddRetry(pipeline, retry, _ => true);
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
