namespace GamesDrop.Kernel.Features.Fraud;

/// <summary>The throwaway-mail domains of <c>disposable-email-domains.txt</c>, shipped inside the kernel and read once.</summary>
public sealed class DisposableDomains
{
    private const string Resource = "GamesDrop.Kernel.Features.Fraud.disposable-email-domains.txt";
    private readonly HashSet<string> _domains;

    public DisposableDomains()
    {
        using var stream = typeof(DisposableDomains).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded.");
        using var reader = new StreamReader(stream);
        _domains = reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#')).Select(l => l.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the address's domain, or a domain it is under, is on the list.</summary>
    public bool Contains(string email)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant();
        for (; ; )
        {
            if (_domains.Contains(domain))
            {
                return true;
            }
            var dot = domain.IndexOf('.');
            if (dot < 0)
            {
                return false;
            }
            domain = domain[(dot + 1)..];
        }
    }
}
