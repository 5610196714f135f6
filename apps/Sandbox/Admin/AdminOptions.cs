using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Sandbox.Admin;

/// <summary>Section <c>Sandbox</c>: what guards the admin endpoints.</summary>
internal sealed class AdminOptions
{
    public const string Section = "Sandbox";

    /// <summary>Expected in header <see cref="AdminToken.Header"/> on every <c>/_sandbox</c> call.</summary>
    [Required]
    public string AdminToken { get; set; } = "";
}
