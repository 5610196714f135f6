using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GamesDrop.Embedded.Runtime.Hosting;

/// <summary>Embedded profile: the loopback address this host listens on, for calls to its own route groups.</summary>
public sealed class SelfAddress(IServer server, SelfAddressOptions options)
{
    public Uri BaseUri
    {
        get
        {
            var configured = options.SelfUrl;
            var address = configured
                ?? server.Features.Get<IServerAddressesFeature>()?.Addresses
                    .OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase))
                    .FirstOrDefault()
                ?? throw new InvalidOperationException("The host has no listening address yet.");
            var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"));
            if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
            {
                uri.Host = "127.0.0.1";
            }
            uri.Path = "/";
            return uri.Uri;
        }
    }
}
