namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>A daprd command line as flag → values; a flag without a value (--enable-mtls) maps to "".</summary>
public sealed class DaprdFlags
{
    private readonly Dictionary<string, List<string>> _values = [];

    public static DaprdFlags Parse(IReadOnlyList<string> command)
    {
        var flags = new DaprdFlags();
        for (var i = 1; i < command.Count; i++)
        {
            if (!command[i].StartsWith('-'))
            {
                continue;
            }
            var name = command[i].TrimStart('-');
            var value = i + 1 < command.Count && !command[i + 1].StartsWith('-') ? command[++i] : "";
            flags._values.TryAdd(name, []);
            flags._values[name].Add(value);
        }
        return flags;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? this[string name] => _values.TryGetValue(name, out var values) ? values[0] : null;

    public int Port(string name) => int.Parse(this[name] ?? throw new InvalidDataException($"daprd has no --{name}."));
}
