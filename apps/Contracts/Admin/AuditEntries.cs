using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace GamesDrop.Contracts.Admin;

/// <param name="Before">The touched order's or setting's state before the action (any JSON), null when there was none.</param>
public sealed record AuditEntry(
    Guid ActorId, [Required, StringLength(254)] string ActorEmail, [Required, StringLength(40)] string Action,
    [Required, StringLength(20)] string TargetType, [Required, StringLength(100)] string TargetId,
    JsonElement? Before, JsonElement? After);

public sealed record RecordedAuditEntry(
    long Id, Guid ActorId, string ActorEmail, string Action, string TargetType, string TargetId, JsonElement? Before, JsonElement? After, DateTime At);

/// <param name="Actions">Every action the audit records, so filters offer exactly these.</param>
public sealed record AuditPage(IReadOnlyList<RecordedAuditEntry> Items, long Total, IReadOnlyList<string> Actions);
