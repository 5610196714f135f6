using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Kernel.Features.Users;

/// <summary>Section <c>Admin</c>: the first admin's address; unset, no admin is created (<see cref="AdminAccount"/>).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    // Not [EmailAddress]: compose passes an unset ADMIN_EMAIL as an empty value, which means no admin, not a bad address.
    [RegularExpression(@"^\s*[^@\s]+@[^@\s]+\s*$", ErrorMessage = "Not an email address.")]
    public string? Email { get; set; }
}
