using System.Text.Json;
using System.Text.Json.Nodes;

namespace GamesDrop.Embedded.Tests;

/// <summary>One request of the bad-input sweep: which class of mistake it makes, against which operation.</summary>
/// <summary>
/// <paramref name="MustRefuse"/>: a 2xx would be wrong too (a number read as another). <paramref name="JsonAnswers"/>: statuses
/// the document gives a JSON body of their own, so they need not be problem+json.
/// </summary>
public sealed record BadRequest(
    string Class, string Method, string Path, string? Body, string? ContentType, bool MustRefuse, IReadOnlySet<int> JsonAnswers)
{
    public override string ToString() => $"{Class}: {Method} {Path} {Body}";
}

/// <summary>
/// Builds the bad-input sweep from OpenAPI documents: for each operation a well-formed request (path, query and JSON
/// body made from the schemas), then one variant per class of mistake callers make, so a new endpoint is swept the day
/// it is added.
/// </summary>
public static class OpenApiBadInput
{
    public const string UnknownCharset = "unknown charset";
    public const string ControlCharacters = "control characters in text";
    public const string NullInArrays = "null inside arrays";
    public const string NonAscii = "non-ASCII text";
    public const string LocalNumbers = "numbers written as other countries write them";
    public const string PathCase = "path in other letter case";
    public const string DuplicateQueryKeys = "duplicated query keys";

    public static readonly IReadOnlyList<string> Classes =
        [UnknownCharset, ControlCharacters, NullInArrays, NonAscii, LocalNumbers, PathCase, DuplicateQueryKeys];

    // A lone surrogate cannot be written by a JSON writer, so a marker stands for its escape until the body is text.
    private const string LoneSurrogate = "\u0001lone surrogate";
    private static readonly string[] Controls = ["a\u0000b", "\u0001\u001b[2J\u0007", LoneSurrogate];
    private static readonly string[] Foreign = ["Grüße, Ünïcødé", "游戏 キー 🎮", "\u202emirrored"];
    private static readonly string[] LocalNumberTexts = ["1,5", "1.234,56", "1 000", "١٢٣"];

    public static IEnumerable<BadRequest> From(JsonNode document)
    {
        var schemas = document["components"]?["schemas"];
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
            {
                var operation = new Operation(method.ToUpperInvariant(), path, node!, item["parameters"], schemas);
                foreach (var request in operation.Variants())
                {
                    yield return request;
                }
            }
        }
    }

    private sealed class Operation(string method, string path, JsonNode operation, JsonNode? shared, JsonNode? schemas)
    {
        private readonly List<(string Name, string In, JsonNode Schema)> _parameters =
            (operation["parameters"]?.AsArray() ?? []).Concat(shared?.AsArray() ?? [])
            .Select(p => (p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"] ?? new JsonObject()))
            .ToList();

        private readonly HashSet<int> _jsonAnswers = (operation["responses"]?.AsObject() ?? [])
            .Where(r => r.Value?["content"]?["application/json"] is not null && int.TryParse(r.Key, out _))
            .Select(r => int.Parse(r.Key)).ToHashSet();

        private JsonNode? BodySchema => operation["requestBody"]?["content"]?["application/json"]?["schema"];

        public IEnumerable<BadRequest> Variants()
        {
            var body = BodySchema is { } schema ? Sample(schema, 0) : null;
            if (body is not null)
            {
                yield return Json(UnknownCharset, Url(), body, "application/json; charset=x-no-such-charset");
                // Every text at once, then each alone: a check that refuses the first field must not hide a fault in the next.
                var texts = Count(body, n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String);
                foreach (var text in Controls.Concat(Foreign))
                {
                    var category = Foreign.Contains(text) ? NonAscii : ControlCharacters;
                    yield return Json(category, Url(), MapStrings(body, text, _ => true));
                    for (var i = 0; texts > 1 && i < texts; i++)
                    {
                        var only = i;
                        yield return Json(category, Url(), MapStrings(body, text, index => index == only));
                    }
                }
                if (Contains(body, n => n is JsonArray))
                {
                    yield return Json(NullInArrays, Url(), AddNullsToArrays(body));
                }
                if (Contains(body, n => n is JsonValue v && v.GetValueKind() == JsonValueKind.Number))
                {
                    foreach (var number in LocalNumberTexts)
                    {
                        yield return Json(LocalNumbers, Url(), MapNumbers(body, number), mustRefuse: true);
                    }
                }
            }
            foreach (var text in Controls.Concat(Foreign))
            {
                var category = Foreign.Contains(text) ? NonAscii : ControlCharacters;
                if (_parameters.Any(p => p.In is "path" or "query" && IsText(p.Schema)))
                {
                    yield return Json(category, Url(p => IsText(p.Schema) ? text : null), body);
                }
            }
            if (_parameters.Any(p => p.In is "path" or "query" && IsNumber(p.Schema)))
            {
                foreach (var number in LocalNumberTexts)
                {
                    yield return Json(LocalNumbers, Url(p => IsNumber(p.Schema) ? number : null), body, mustRefuse: true);
                }
            }
            yield return Json(PathCase, CaseFlipped(Url()), body);
            if (_parameters.Any(p => p.In == "query"))
            {
                var singleValued = _parameters.Any(p => p.In == "query" && TypeOf(p.Schema) != "array");
                yield return Json(DuplicateQueryKeys, Url(duplicateQuery: true), body, mustRefuse: singleValued);
            }
        }

        private BadRequest Json(
            string category, string url, JsonNode? body, string contentType = "application/json", bool mustRefuse = false) =>
            new(category, method, url.Replace(Uri.EscapeDataString(LoneSurrogate), "%ED%A0%80"),
                body?.ToJsonString().Replace(@"\u0001lone surrogate", @"\ud800"),
                body is null ? null : contentType, mustRefuse, _jsonAnswers);

        /// <summary>The operation's URL with every parameter filled, <paramref name="value"/> overriding where it answers.</summary>
        private string Url(Func<(string Name, string In, JsonNode Schema), string?>? value = null, bool duplicateQuery = false)
        {
            // Kestrel itself answers a NUL in the path with a bare 400 before any app code runs, so paths get other controls.
            string Value((string Name, string In, JsonNode Schema) p) => Uri.EscapeDataString(
                (value?.Invoke(p) ?? Text(Sample(p.Schema, 0))).Replace('\0', p.In == "path" ? '\u0002' : '\0'));
            var url = _parameters.Where(p => p.In == "path")
                .Aggregate(path, (u, p) => u.Replace("{" + p.Name + "}", Value(p), StringComparison.Ordinal));
            var query = _parameters.Where(p => p.In == "query")
                .SelectMany(p => Enumerable.Repeat($"{Uri.EscapeDataString(p.Name)}={Value(p)}", duplicateQuery ? 2 : 1));
            return query.Any() ? url + "?" + string.Join('&', query) : url;
        }

        private JsonNode? Sample(JsonNode schema, int depth)
        {
            schema = Resolve(schema);
            if (depth > 6)
            {
                return null;
            }
            if (schema["enum"] is JsonArray { Count: > 0 } values)
            {
                return values.FirstOrDefault(v => v is not null)?.DeepClone();
            }
            if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices)
            {
                return choices.Select(c => Sample(c!, depth + 1)).FirstOrDefault(c => c is not null);
            }
            return TypeOf(schema) switch
            {
                "object" => SampleObject(schema, depth),
                "array" => new JsonArray(schema["items"] is { } items ? Sample(items, depth + 1) : "x"),
                "integer" => JsonValue.Create(1),
                "number" => JsonValue.Create(1.5m),
                "boolean" => JsonValue.Create(true),
                "string" => schema["format"]?.GetValue<string>() switch
                {
                    "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                    "date-time" => JsonValue.Create(DateTimeOffset.UtcNow.ToString("O")),
                    "date" => JsonValue.Create(DateTime.UtcNow.ToString("yyyy-MM-dd")),
                    "email" => JsonValue.Create("sweep@example.com"),
                    "uri" => JsonValue.Create("https://example.com/a"),
                    _ => JsonValue.Create("EUR"),
                },
                _ => null,
            };
        }

        private JsonObject SampleObject(JsonNode schema, int depth)
        {
            var result = new JsonObject();
            foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
            {
                result[name] = Sample(property!, depth + 1);
            }
            return result;
        }

        private JsonNode Resolve(JsonNode schema)
        {
            while (schema["$ref"]?.GetValue<string>() is { } reference && schemas?[reference.Split('/')[^1]] is { } target)
            {
                schema = target;
            }
            return schema;
        }

        /// <summary>3.1 documents give <c>type</c> as a list (<c>["null", "string"]</c>); the first non-null one counts.</summary>
        private string? TypeOf(JsonNode schema) => Resolve(schema)["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue type => type.GetValue<string>(),
            _ => Resolve(schema)["properties"] is not null ? "object" : null,
        };

        private bool IsText(JsonNode schema) => TypeOf(schema) == "string";

        private bool IsNumber(JsonNode schema) => TypeOf(schema) is "integer" or "number";
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "x",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static string CaseFlipped(string url)
    {
        var split = url.IndexOf('?');
        var path = split < 0 ? url : url[..split];
        return path.ToUpperInvariant() + (split < 0 ? "" : url[split..]);
    }

    private static bool Contains(JsonNode? node, Func<JsonNode, bool> predicate) => Count(node, predicate) > 0;

    private static JsonNode? Map(JsonNode? node, Func<JsonValue, JsonNode?> leaf, Func<JsonArray, JsonArray>? array = null)
    {
        switch (node)
        {
            case JsonObject o:
                return new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Map(p.Value, leaf, array))));
            case JsonArray a:
                var mapped = new JsonArray(a.Select(e => Map(e, leaf, array)).ToArray());
                return array is null ? mapped : array(mapped);
            case JsonValue v:
                return leaf(v);
            default:
                return null;
        }
    }

    private static int Count(JsonNode? node, Func<JsonNode, bool> predicate) => node switch
    {
        null => 0,
        JsonObject o => o.Sum(p => Count(p.Value, predicate)),
        JsonArray a => (predicate(a) ? 1 : 0) + a.Sum(e => Count(e, predicate)),
        _ => predicate(node) ? 1 : 0,
    };

    /// <summary>Replaces the string leaves whose index (in document order) <paramref name="which"/> picks.</summary>
    private static JsonNode? MapStrings(JsonNode body, string text, Func<int, bool> which)
    {
        var index = 0;
        return Map(body, v => v.GetValueKind() == JsonValueKind.String && which(index++) ? JsonValue.Create(text) : v.DeepClone());
    }

    private static JsonNode? MapNumbers(JsonNode body, string text) =>
        Map(body, v => v.GetValueKind() == JsonValueKind.Number ? JsonValue.Create(text) : v.DeepClone());

    private static JsonNode? AddNullsToArrays(JsonNode body) =>
        Map(body, v => v.DeepClone(), a =>
        {
            a.Add(null);
            return a;
        });
}
