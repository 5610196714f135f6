namespace GamesDrop.Embedded.Runtime.Workflows;

internal static class WorkflowSql
{
    public const string Terminal = "('Completed', 'Failed', 'Terminated')";

    public const string Schedule = """
        WITH created AS (
            INSERT INTO workflows.instances (instance_id, name, input) VALUES (@InstanceId, @Name, @Input)
            ON CONFLICT (instance_id) DO NOTHING
            RETURNING instance_id)
        INSERT INTO workflows.work_items (instance_id, kind) SELECT instance_id, 'execution_started' FROM created
        """;

    public const string Status = "SELECT status FROM workflows.instances WHERE instance_id = @InstanceId";

    public const string AddMessage = """
        INSERT INTO workflows.work_items (instance_id, kind, name, data) VALUES (@InstanceId, @Kind, @Name, @Data)
        """;

    public const string Get = """
        SELECT instance_id AS InstanceId, name, status, custom_status AS CustomStatus, output, failure,
               created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM workflows.instances WHERE instance_id = @InstanceId
        """;

    public const string Purge = $"DELETE FROM workflows.instances WHERE instance_id = @InstanceId AND status IN {Terminal}";

    // A claim is a lease: a runner that dies mid-episode leaves the instance to be claimed again once it runs out.
    public const string ClaimEpisodes = """
        WITH due AS (
            SELECT i.instance_id FROM workflows.instances i
            WHERE i.instance_id IN (SELECT w.instance_id FROM workflows.work_items w WHERE w.kind <> 'activity' AND w.due_at <= now())
              AND (i.locked_until IS NULL OR i.locked_until < now())
            LIMIT @Limit
            FOR UPDATE OF i SKIP LOCKED)
        UPDATE workflows.instances i SET locked_by = @Owner, locked_until = now() + make_interval(secs => @LeaseSeconds)
        FROM due WHERE i.instance_id = due.instance_id
        RETURNING i.instance_id
        """;

    public const string LoadEpisode = """
        SELECT name, status, input, custom_status AS CustomStatus FROM workflows.instances WHERE instance_id = @InstanceId;
        SELECT kind, task_id AS TaskId, name, data, at FROM workflows.history WHERE instance_id = @InstanceId ORDER BY position;
        SELECT id, kind, task_id AS TaskId, name, data FROM workflows.work_items
        WHERE instance_id = @InstanceId AND kind <> 'activity' AND due_at <= now() ORDER BY due_at, id;
        """;

    // Row-locks the instance until commit: nobody claims it meanwhile, and a runner whose lease was taken over learns it here.
    public const string Fence = "SELECT locked_by FROM workflows.instances WHERE instance_id = @InstanceId FOR UPDATE";

    public const string AppendHistory = """
        INSERT INTO workflows.history (instance_id, position, kind, task_id, name, data, at)
        VALUES (@InstanceId, @Position, @Kind, @TaskId, @Name, @Data, @At)
        """;

    public const string Consume = "DELETE FROM workflows.work_items WHERE id = ANY(@Ids)";

    public const string AddWork = """
        INSERT INTO workflows.work_items (instance_id, kind, task_id, name, data, due_at)
        VALUES (@InstanceId, @Kind, @TaskId, @Name, @Data, COALESCE(@DueAt, now()))
        """;

    public const string DropAllWork = "DELETE FROM workflows.work_items WHERE instance_id = @InstanceId";

    public const string EndEpisode = """
        UPDATE workflows.instances
        SET status = @Status, output = @Output, failure = @Failure, custom_status = @CustomStatus,
            updated_at = now(), locked_by = NULL, locked_until = NULL
        WHERE instance_id = @InstanceId
        """;

    public const string Release = "UPDATE workflows.instances SET locked_by = NULL, locked_until = NULL WHERE instance_id = @InstanceId";

    public const string ClaimActivities = """
        WITH due AS (
            SELECT id FROM workflows.work_items
            WHERE kind = 'activity' AND due_at <= now() AND (locked_until IS NULL OR locked_until < now())
            ORDER BY due_at, id
            LIMIT @Limit
            FOR UPDATE SKIP LOCKED)
        UPDATE workflows.work_items w SET locked_by = @Owner, locked_until = now() + make_interval(secs => @LeaseSeconds)
        FROM due WHERE w.id = due.id
        RETURNING w.id, w.instance_id AS InstanceId, w.task_id AS TaskId, w.name, w.data
        """;

    public const string RenewActivity = """
        UPDATE workflows.work_items SET locked_until = now() + make_interval(secs => @LeaseSeconds)
        WHERE id = @Id AND locked_by = @Owner
        """;

    // Only the lease holder reports: a runner whose lease was taken over drops its result for the other's.
    public const string CompleteActivity = """
        WITH done AS (DELETE FROM workflows.work_items WHERE id = @Id AND locked_by = @Owner RETURNING instance_id, task_id)
        INSERT INTO workflows.work_items (instance_id, kind, task_id, data) SELECT instance_id, @Kind, task_id, @Data FROM done
        """;
}
