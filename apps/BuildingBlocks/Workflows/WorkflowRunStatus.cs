namespace GamesDrop.BuildingBlocks.Workflows;

public enum WorkflowRunStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
    Suspended,
}
