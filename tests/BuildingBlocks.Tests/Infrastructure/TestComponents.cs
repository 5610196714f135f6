namespace GamesDrop.BuildingBlocks.Tests.Infrastructure;

/// <summary>A components folder of a test's own, so retries and schedules can be fast.</summary>
public sealed class TestComponents : IDisposable
{
    public const string FastRedelivery = """
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: resiliency
        spec:
          policies:
            retries:
              fast:
                policy: constant
                duration: 50ms
                maxRetries: 3
          targets:
            components:
              pubsub:
                inbound:
                  retry: fast
        """;

    public TestComponents(params string[] documents)
    {
        Folder = Path.Combine(Path.GetTempPath(), "gamesdrop-components-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        for (var i = 0; i < documents.Length; i++)
        {
            File.WriteAllText(Path.Combine(Folder, $"{i:00}.yaml"), documents[i]);
        }
    }

    public string Folder { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
