using Dapper;
using GamesDrop.BuildingBlocks.Workflows;
using GamesDrop.Embedded.Runtime.Workflows;
using GamesDrop.TestSupport;
using Npgsql;

namespace GamesDrop.Embedded.Runtime.Tests.Workflows;

public sealed class EmbeddedWorkflowRunnerTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private readonly List<RunnerHost> _hosts = [];
    private readonly string _id = Guid.NewGuid().ToString("D");
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        _probe.Release();
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_workflow_runs_its_activities_in_order_and_returns_their_result()
    {
        var host = await StartAsync();

        (await host.Client.ScheduleAsync(nameof(GreetingWorkflow), _id, "hello")).Should().BeTrue();

        var instance = await host.EndedAsync(_id);
        instance.Status.Should().Be(WorkflowRunStatus.Completed);
        instance.Name.Should().Be(nameof(GreetingWorkflow));
        instance.CustomStatus.Should().Be("greeted");
        instance.ReadOutputAs<Greeting>()!.Text.Should().Be("HELLO!");
        _probe.Runs("Upper").Should().Be(1);
        _probe.Runs("Exclaim").Should().Be(1);
        var kinds = await HistoryAsync();
        kinds.Should().StartWith(["orchestrator_started", "execution_started", "task_scheduled", "orchestrator_started", "task_completed"]);
        kinds.Should().EndWith("execution_completed");
    }

    [Fact]
    public async Task NewGuid_made_in_the_first_episode_is_made_again_alike_when_the_last_episode_replays()
    {
        var host = await StartAsync();

        await host.Client.ScheduleAsync(nameof(GreetingWorkflow), _id, "hello");

        var returned = (await host.EndedAsync(_id)).ReadOutputAs<Greeting>()!.FirstGuid;
        await using var connection = await OpenAsync();
        var firstEpisodeAt = await connection.ExecuteScalarAsync<DateTime>(
            "SELECT at FROM workflows.history WHERE instance_id = @Id AND position = 0", new { Id = _id });
        returned.Should().Be(DeterministicGuid.Create($"{_id}_{DateTime.SpecifyKind(firstEpisodeAt, DateTimeKind.Utc):O}_0"));
    }

    [Fact]
    public async Task A_host_stopped_mid_activity_leaves_it_to_the_next_runner_which_finishes_the_workflow()
    {
        _probe.Holding = true;
        var first = await StartAsync(lease: TimeSpan.FromSeconds(2));
        await first.Client.ScheduleAsync(nameof(SlowWorkflow), _id, 4);
        await _probe.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await first.StopAsync();
        _probe.Holding = false;
        var second = await StartAsync(lease: TimeSpan.FromSeconds(2));

        var instance = await second.EndedAsync(_id);
        instance.Status.Should().Be(WorkflowRunStatus.Completed);
        instance.ReadOutputAs<int>().Should().Be(50);
        _probe.Runs("AddOne").Should().Be(1, "its result was in history");
        _probe.Runs("Slow").Should().BeGreaterThanOrEqualTo(2, "the stopped host's run never reported");
    }

    [Fact]
    public async Task A_durable_timer_fires_on_the_next_host_after_a_restart()
    {
        var first = await StartAsync();
        await first.Client.ScheduleAsync(nameof(TimerWorkflow), _id, "later");
        (await Eventually.HoldsAsync(async () => (await HistoryAsync()).Contains("timer_created"), TimeSpan.FromSeconds(60))).Should().BeTrue();

        await first.StopAsync();
        var second = await StartAsync();

        var instance = await second.EndedAsync(_id);
        instance.Status.Should().Be(WorkflowRunStatus.Completed);
        instance.ReadOutputAs<string>().Should().Be("LATER");
        (await HistoryAsync()).Should().ContainInOrder("timer_created", "timer_fired", "task_scheduled", "task_completed");
    }

    [Fact]
    public async Task A_workflow_waiting_for_an_event_gets_it_on_the_next_host_after_a_restart()
    {
        var first = await StartAsync();
        await first.Client.ScheduleAsync(nameof(ApprovalWorkflow), _id, 0);
        (await Eventually.HoldsAsync(async () => (await first.Client.GetAsync(_id))?.CustomStatus == "awaiting-approval",
            TimeSpan.FromSeconds(60))).Should().BeTrue();

        await first.StopAsync();
        var second = await StartAsync();
        await second.Client.RaiseEventAsync(_id, "approval", new Decision(true));

        var instance = await second.EndedAsync(_id);
        instance.ReadOutputAs<string>().Should().Be("approved");
    }

    [Fact]
    public async Task Events_raised_before_the_workflow_waits_are_kept_and_handed_out_in_order()
    {
        _probe.Holding = true;
        var host = await StartAsync();
        await host.Client.ScheduleAsync(nameof(NotesWorkflow), _id, 1);
        await _probe.SlowStarted.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await host.Client.RaiseEventAsync(_id, "note", "first");
        await host.Client.RaiseEventAsync(_id, "note", "second");
        _probe.Release();

        var instance = await host.EndedAsync(_id);
        instance.ReadOutputAs<string>().Should().Be("first,second");
    }

    [Fact]
    public async Task A_wait_with_a_timeout_ends_in_TaskCanceledException_when_no_event_comes()
    {
        var host = await StartAsync();

        await host.Client.ScheduleAsync(nameof(ApprovalWorkflow), _id, 1);

        var instance = await host.EndedAsync(_id);
        instance.ReadOutputAs<string>().Should().Be("timed-out");
    }

    [Fact]
    public async Task A_wait_with_a_timeout_takes_an_event_that_comes_in_time()
    {
        var host = await StartAsync();
        await host.Client.ScheduleAsync(nameof(ApprovalWorkflow), _id, 600);

        await host.Client.RaiseEventAsync(_id, "approval", new Decision(false));

        var instance = await host.EndedAsync(_id);
        instance.ReadOutputAs<string>().Should().Be("refused");
    }

    [Fact]
    public async Task A_failing_activity_is_retried_by_its_policy_then_caught_by_the_workflow_as_WorkflowTaskFailedException()
    {
        var host = await StartAsync();

        await host.Client.ScheduleAsync(nameof(RetryWorkflow), _id, 1);

        var instance = await host.EndedAsync(_id);
        instance.Status.Should().Be(WorkflowRunStatus.Completed);
        instance.ReadOutputAs<string>().Should().Be("caught System.InvalidOperationException: supplier said no");
        _probe.Runs("Flaky").Should().Be(3);
        (await HistoryAsync()).Count(k => k == "timer_created").Should().Be(2, "each wait between tries is a durable timer");
    }

    [Fact]
    public async Task Code_that_no_longer_matches_its_history_fails_the_instance_as_non_deterministic()
    {
        var first = await StartAsync();
        await first.Client.ScheduleAsync("Steps", _id, "a");
        (await Eventually.HoldsAsync(async () => (await HistoryAsync()).Contains("task_completed"), TimeSpan.FromSeconds(60))).Should().BeTrue();
        await first.StopAsync();

        var changed = await StartAsync(o =>
        {
            o.RegisterWorkflow<ChangedStepsWorkflow>("Steps");
            o.RegisterActivity<ExclaimActivity>();
        });
        await changed.Client.RaiseEventAsync(_id, "go", "!");

        var instance = await changed.EndedAsync(_id);
        instance.Status.Should().Be(WorkflowRunStatus.Failed);
        instance.FailureMessage.Should().Contain("Non-deterministic").And.Contain(nameof(UpperActivity));
        _probe.Runs("Exclaim").Should().Be(0);
    }

    [Fact]
    public async Task A_terminated_instance_stops_and_ignores_later_events()
    {
        var host = await StartAsync();
        await host.Client.ScheduleAsync(nameof(ApprovalWorkflow), _id, 0);

        await host.Client.TerminateAsync(_id, "buyer left");

        var instance = await host.EndedAsync(_id);
        instance.Status.Should().Be(WorkflowRunStatus.Terminated);
        instance.ReadOutputAs<string>().Should().Be("buyer left");
        await host.Client.RaiseEventAsync(_id, "approval", new Decision(true));
        (await host.Client.GetAsync(_id))!.Status.Should().Be(WorkflowRunStatus.Terminated);
        await using var connection = await OpenAsync();
        (await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM workflows.work_items WHERE instance_id = @Id", new { Id = _id })).Should().Be(0);
    }

    [Fact]
    public async Task Purge_deletes_a_finished_instance_and_refuses_a_running_one()
    {
        var host = await StartAsync();
        var running = Guid.NewGuid().ToString("D");
        await host.Client.ScheduleAsync(nameof(GreetingWorkflow), _id, "x");
        await host.Client.ScheduleAsync(nameof(ApprovalWorkflow), running, 0);
        await host.EndedAsync(_id);

        await host.Client.PurgeAsync(_id);
        var purgeRunning = () => host.Client.PurgeAsync(running);

        (await host.Client.GetAsync(_id)).Should().BeNull();
        (await HistoryAsync()).Should().BeEmpty();
        await purgeRunning.Should().ThrowAsync<InvalidOperationException>();
        (await host.Client.GetAsync(running)).Should().NotBeNull();
    }

    [Fact]
    public async Task Scheduling_an_existing_instance_id_again_changes_nothing()
    {
        var host = await StartAsync();

        var first = await host.Client.ScheduleAsync(nameof(GreetingWorkflow), _id, "once");
        var again = await host.Client.ScheduleAsync(nameof(GreetingWorkflow), _id, "twice");
        await host.EndedAsync(_id);
        var afterEnd = await host.Client.ScheduleAsync(nameof(GreetingWorkflow), _id, "thrice");

        first.Should().BeTrue();
        again.Should().BeFalse();
        afterEnd.Should().BeFalse();
        (await host.Client.GetAsync(_id))!.ReadOutputAs<Greeting>()!.Text.Should().Be("ONCE!");
        _probe.Runs("Upper").Should().Be(1);
    }

    [Fact]
    public async Task Events_and_termination_for_an_unknown_instance_are_refused()
    {
        var host = await StartAsync();

        var raise = () => host.Client.RaiseEventAsync(_id, "approval", new Decision(true));
        var terminate = () => host.Client.TerminateAsync(_id);

        await raise.Should().ThrowAsync<InvalidOperationException>();
        await terminate.Should().ThrowAsync<InvalidOperationException>();
        (await host.Client.GetAsync(_id)).Should().BeNull();
    }

    [Fact]
    public async Task Two_runners_on_one_database_never_run_one_instance_at_the_same_time()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        var ids = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid().ToString("D")).ToList();

        for (var i = 0; i < ids.Count; i++)
        {
            await (i % 2 == 0 ? first : second).Client.ScheduleAsync(nameof(TrackedWorkflow), ids[i], 4);
        }

        foreach (var id in ids)
        {
            (await first.EndedAsync(id)).Status.Should().Be(WorkflowRunStatus.Completed);
        }
        _probe.Overlapped.Should().BeFalse();
        _probe.Runs("Track").Should().Be(ids.Count * 4, "no activity ran twice");
    }

    private async Task<RunnerHost> StartAsync(Action<Dapr.Workflow.WorkflowRuntimeOptions>? register = null, TimeSpan? lease = null)
    {
        var host = await RunnerHost.StartAsync(_database, _probe, register, lease);
        _hosts.Add(host);
        return host;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<List<string>> HistoryAsync()
    {
        await using var connection = await OpenAsync();
        return (await connection.QueryAsync<string>(
            "SELECT kind FROM workflows.history WHERE instance_id = @Id ORDER BY position", new { Id = _id })).ToList();
    }
}
