using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace GamesDrop.BuildingBlocks.Tests.PubSub;

public sealed record ThingHappened(string Name, int Count);

/// <summary>A subscriber endpoint's memory and its scripted answers (one per call, then the last repeats).</summary>
public sealed class Subscriber(params IResult[] answers)
{
    private int _calls;

    public ConcurrentQueue<ThingHappened> Received { get; } = new();
    public int Calls => _calls;

    public IResult Handle(ThingHappened thing)
    {
        Received.Enqueue(thing);
        var call = Interlocked.Increment(ref _calls);
        return answers.Length == 0 ? Results.Ok() : answers[Math.Min(call, answers.Length) - 1];
    }

    /// <summary>An answer that never comes: the subscriber is busy until the caller gives up.</summary>
    public static IResult Hangs { get; } = new HangingResult();

    private sealed class HangingResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Task.Delay(Timeout.Infinite, httpContext.RequestAborted);
    }
}
