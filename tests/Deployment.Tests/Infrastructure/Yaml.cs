using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>
/// YAML as plain maps, lists and strings, with merge keys (<c>&lt;&lt;: *anchor</c>) applied as compose applies them.
/// </summary>
public static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static IReadOnlyList<object?> LoadAll(string path) => ParseAll(File.ReadAllText(path));

    public static IReadOnlyList<object?> ParseAll(string text)
    {
        var parser = new MergingParser(new Parser(new StringReader(text)));
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        var documents = new List<object?>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            documents.Add(Deserializer.Deserialize<object?>(parser));
        }
        return documents;
    }

    public static IReadOnlyDictionary<string, object?> LoadMap(string path) => Map(LoadAll(path).Single());

    public static IReadOnlyDictionary<string, object?> ParseMap(string text) => Map(ParseAll(text).Single());

    public static IReadOnlyDictionary<string, object?> Map(object? node) => node switch
    {
        IReadOnlyDictionary<string, object?> map => map,
        IDictionary<object, object?> map => map.ToDictionary(e => e.Key.ToString()!, e => e.Value),
        null => new Dictionary<string, object?>(),
        _ => throw new InvalidDataException($"Expected a YAML map, found {node}."),
    };

    public static IReadOnlyDictionary<string, object?> Map(object? node, string key) =>
        Map(Map(node).GetValueOrDefault(key));

    public static IReadOnlyList<object?> List(object? node) => node switch
    {
        IList<object?> list => list.ToList(),
        null => [],
        _ => throw new InvalidDataException($"Expected a YAML list, found {node}."),
    };

    public static IReadOnlyList<string> Strings(object? node) => List(node).Select(i => i?.ToString() ?? "").ToList();

    public static string? String(object? node, string key) => Map(node).GetValueOrDefault(key)?.ToString();
}
