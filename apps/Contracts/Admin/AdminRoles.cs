using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Contracts.Admin;

/// <summary>An admin gives a user the admin role or takes it away; the admin is named so the kernel records who did it.</summary>
/// <param name="Admin">Whether the user holds the admin role afterwards.</param>
public sealed record AdminRoleChange(Guid AdminId, [Required, StringLength(254)] string AdminEmail, bool Admin);
