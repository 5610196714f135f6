namespace GamesDrop.Kernel.Features.Admin;

internal static class AuditSql
{
    public const string Record = """
        INSERT INTO admin_audit (actor_id, actor_email, action, target_type, target_id, before, after)
        VALUES (@ActorId, @ActorEmail, @Action, @TargetType, @TargetId, CAST(@Before AS jsonb), CAST(@After AS jsonb))
        """;

    // Every filter is optional (null); the actor is a substring of the staff email (wildcards escaped by the caller).
    private const string Matching = """
        (CAST(@Actor AS text) IS NULL OR a.actor_email ILIKE '%' || @Actor || '%')
          AND (CAST(@Action AS text) IS NULL OR a.action = @Action)
          AND (CAST(@TargetType AS text) IS NULL OR a.target_type = @TargetType)
          AND (CAST(@TargetId AS text) IS NULL OR a.target_id = @TargetId)
          AND (CAST(@From AS timestamptz) IS NULL OR a.at >= @From)
          AND (CAST(@To AS timestamptz) IS NULL OR a.at < @To)
        """;

    /// <summary>Result sets: one page of the matching entries newest first, then how many match.</summary>
    public const string Page = $"""
        SELECT a.id AS Id, a.actor_id AS ActorId, a.actor_email AS ActorEmail, a.action AS Action, a.target_type AS TargetType,
               a.target_id AS TargetId, a.before::text AS Before, a.after::text AS After, a.at AS At
        FROM admin_audit a WHERE {Matching}
        ORDER BY a.at DESC, a.id DESC LIMIT @Limit OFFSET @Offset;

        SELECT count(*) FROM admin_audit a WHERE {Matching};
        """;
}
