using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace GamesDrop.TestSupport;

/// <summary>A Serilog sink that keeps every event and its JSON rendering, for assertions on what was logged.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<(LogEvent Event, string Json)> _events = new();
    private readonly RenderedCompactJsonFormatter _formatter = new();

    public IReadOnlyList<LogEvent> Events => _events.Select(e => e.Event).ToList();

    /// <summary>Everything logged, as it would reach the console.</summary>
    public string AllText => string.Join('\n', _events.Select(e => e.Json));

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        _formatter.Format(logEvent, writer);
        _events.Enqueue((logEvent, writer.ToString()));
    }
}
