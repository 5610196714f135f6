using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Embedded.Runtime.Hosting;

/// <summary>Section <c>GamesDrop</c> as <see cref="SelfAddress"/> reads it.</summary>
public sealed class SelfAddressOptions
{
    public const string Section = "GamesDrop";

    /// <summary>The address the host calls its own route groups on; unset, the first address it listens on.</summary>
    [Url]
    public string? SelfUrl { get; set; }
}
