using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.SyncRuns;
using GamesDrop.Kernel.Tests.Features.Orders;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.SyncRuns;

public sealed class SyncRunsApiTests : CatalogTest
{
    protected override async Task SeedAsync()
    {
        await Client.RegisterSupplierAsync("kinguin");
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", "Elden Ring"), Offer("k-2", "Hades"), Offer("k-3", "Celeste"));
    }

    private async Task<long> StartAsync(bool full)
    {
        var response = await Client.PostAsJsonAsync("/kernel/catalog/sync-runs", new StartSyncRun("kinguin", full));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<SyncRunStarted>())!.Id;
    }

    private async Task<SyncRun> FinishAsync(long id, string? error = null)
    {
        var response = await Client.PostAsJsonAsync($"/kernel/catalog/sync-runs/{id}/finish", new FinishSyncRun(1, error));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<SyncRun>())!;
    }

    private Task<IReadOnlyList<string>> AvailableSkusAsync() =>
        App.QueryAsync<string>("SELECT supplier_sku FROM supplier_offers WHERE available ORDER BY 1");

    [Fact]
    public async Task A_successful_full_run_marks_the_offers_it_did_not_see_unavailable()
    {
        var run = await StartAsync(full: true);
        await Client.PostBatchAsync("kinguin", run, Offer("k-1", "Elden Ring"), Offer("k-2", "Hades"));
        var untouched = await App.QueryAsync<string>("SELECT xmin::text FROM supplier_offers WHERE supplier_sku IN ('k-1', 'k-2') ORDER BY 1");

        var finished = await FinishAsync(run);

        finished.Should().BeEquivalentTo(new { Kind = "full", Status = "succeeded", OffersSeen = 2, OffersUnchanged = 2, OffersVanished = 1, Error = (string?)null });
        (await AvailableSkusAsync()).Should().Equal("k-1", "k-2");
        (await App.QueryAsync<string>("SELECT xmin::text FROM supplier_offers WHERE supplier_sku IN ('k-1', 'k-2') ORDER BY 1"))
            .Should().Equal(untouched, "offers the run saw unchanged are not rewritten");
        (await App.QueryAsync<(decimal?, bool)>("SELECT price, in_stock FROM products WHERE slug = 'celeste-steam-global'"))
            .Should().Equal([(null, false)]);
        (await App.ChangedOffersAsync()).Last().Offers.Should().ContainSingle().Which.Should().Match<OfferChanged>(o => o.Sku == "k-3" && !o.Available);
        (await App.ScalarAsync<long>("SELECT count(*) FROM sync_run_seen")).Should().Be(0, "a finished run's scratch list is dropped");
    }

    [Fact]
    public async Task Offers_a_full_run_finds_gone_are_published_at_most_a_thousand_to_a_message()
    {
        await Client.PostBatchAsync("kinguin", null, [.. Enumerable.Range(1, OffersChanged.MaxOffers).Select(i => Offer($"m-{i:D4}", $"Mirror Lake {i}"))]);
        var run = await StartAsync(full: true);
        await Client.PostBatchAsync("kinguin", run, Offer("k-1", "Elden Ring"));
        var before = (await App.ChangedOffersAsync()).Count;

        var finished = await FinishAsync(run);

        finished.OffersVanished.Should().Be(OffersChanged.MaxOffers + 2);
        var published = (await App.ChangedOffersAsync()).Skip(before).ToList();
        published.Select(m => m.Offers.Count).Should().BeEquivalentTo([OffersChanged.MaxOffers, 2], "one transaction's messages keep no order among them");
        published.SelectMany(m => m.Offers).Should().OnlyContain(o => !o.Available)
            .And.HaveCount(OffersChanged.MaxOffers + 2).And.OnlyHaveUniqueItems(o => o.Sku).And.NotContain(o => o.Sku == "k-1");
    }

    [Fact]
    public async Task A_full_run_that_added_listings_leaves_statistics_of_the_columns_syncs_look_rows_up_by_and_only_those()
    {
        const string Analyzed = "SELECT tablename || '.' || attname FROM pg_stats WHERE schemaname = 'public' AND tablename IN ('supplier_offers', 'products') ORDER BY 1";
        (await App.QueryAsync<string>(Analyzed)).Should().BeEmpty("three listings are far below autovacuum's threshold");
        var run = await StartAsync(full: true);
        await Client.PostBatchAsync("kinguin", run, Offer("k-1", "Elden Ring"), Offer("k-2", "Hades"), Offer("k-4", "Tunic"));

        await FinishAsync(run);

        (await App.QueryAsync<string>(Analyzed)).Should().BeEquivalentTo(
            "products.id", "products.match_key", "products.slug", "supplier_offers.available", "supplier_offers.id",
            "supplier_offers.product_id", "supplier_offers.supplier_code", "supplier_offers.supplier_sku");
    }

    [Fact]
    public async Task A_run_that_added_listings_leaves_no_words_waiting_outside_the_search_index()
    {
        var run = await StartAsync(full: false);
        await Client.PostBatchAsync("kinguin", run, Offer("k-4", "Tunic"), Offer("k-5", "Hollow Knight"));

        await FinishAsync(run);

        (await App.ScalarAsync<long>("SELECT gin_clean_pending_list('products_search'::regclass)"))
            .Should().Be(0, "searches would otherwise read every pending word until autovacuum merges them");
        (await Client.GetFromJsonAsync<SearchResult>("/kernel/catalog/search?q=hollow%20knight"))!.Items.Select(i => i.Title).Should().Equal("Hollow Knight");
    }

    [Fact]
    public async Task A_full_run_with_a_bad_offer_in_its_batch_still_finishes_and_marks_what_vanished()
    {
        var run = await StartAsync(full: true);
        await Client.PostBatchAsync("kinguin", run, Offer("k-1", "Elden Ring"), Offer("k-1", "Elden Ring"), Offer("k-9", "Hades") with { Title = "" });

        var finished = await FinishAsync(run);

        finished.Should().BeEquivalentTo(new { Status = "succeeded", OffersSeen = 1, OffersQuarantined = 1, OffersVanished = 2 });
        (await AvailableSkusAsync()).Should().Equal("k-1");
    }

    [Fact]
    public async Task A_failed_full_run_or_a_delta_run_marks_nothing_vanished()
    {
        var delta = await StartAsync(full: false);
        await Client.PostBatchAsync("kinguin", delta, Offer("k-1", "Elden Ring"));
        var failed = await StartAsync(full: true);
        await Client.PostBatchAsync("kinguin", failed, Offer("k-1", "Elden Ring"));

        var deltaRun = await FinishAsync(delta);
        var failedRun = await FinishAsync(failed, "Kinguin answered 503 on page 2");

        deltaRun.Should().BeEquivalentTo(new { Kind = "delta", Status = "succeeded", OffersVanished = 0 });
        failedRun.Should().BeEquivalentTo(new { Status = "failed", OffersVanished = 0, Error = "Kinguin answered 503 on page 2" });
        (await AvailableSkusAsync()).Should().Equal("k-1", "k-2", "k-3");
    }

    [Fact]
    public async Task A_failed_run_is_announced_once_with_its_supplier_and_reason_however_often_it_is_finished()
    {
        await FinishAsync(await StartAsync(full: false));
        var failed = await StartAsync(full: false);

        await FinishAsync(failed, "Kinguin answered 503 on page 2");
        await FinishAsync(failed, "Kinguin answered 503 on page 2");

        (await App.OutboxEventsAsync(Topics.SupplierSyncFailed)).Select(e => (e.GetProperty("supplier").GetString(), e.GetProperty("runId").GetInt64(), e.GetProperty("reason").GetString()))
            .Should().Equal(("kinguin", failed, "Kinguin answered 503 on page 2"));
    }

    [Fact]
    public async Task A_full_run_whose_seen_list_was_lost_fails_instead_of_emptying_the_catalog()
    {
        var run = await StartAsync(full: true);
        await Client.PostBatchAsync("kinguin", run, Offer("k-1", "Elden Ring"));
        await App.ScalarAsync<int>("TRUNCATE sync_run_seen; SELECT 1");

        var finished = await FinishAsync(run);

        finished.Status.Should().Be("failed");
        finished.Error.Should().Contain("lost");
        (await AvailableSkusAsync()).Should().Equal("k-1", "k-2", "k-3");
    }

    [Fact]
    public async Task Runs_show_progress_while_running_latest_first_and_finishing_twice_is_harmless()
    {
        var older = await StartAsync(full: false);
        await FinishAsync(older);
        var running = await StartAsync(full: true);
        await Client.PostBatchAsync("kinguin", running, Offer("k-1", "Elden Ring", price: 11m, updatedAt: Noon.AddMinutes(1)), Offer("k-9", "Tunic"));

        var runs = (await Client.GetFromJsonAsync<List<SyncRun>>("/kernel/catalog/sync-runs?supplier=kinguin&limit=5"))!;
        var first = await FinishAsync(running);
        var again = await FinishAsync(running);

        runs.Select(r => r.Id).Should().Equal(running, older);
        runs[0].Should().BeEquivalentTo(new { Status = "running", Pages = 1, OffersSeen = 2, OffersCreated = 1, OffersUpdated = 1, OffersUnchanged = 0 });
        again.Should().BeEquivalentTo(first);
        (await Client.GetAsync("/kernel/catalog/sync-runs?limit=0")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Client.PostAsJsonAsync("/kernel/catalog/offers/batch", new OfferBatch("kinguin", running, [Offer("k-1")])))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "a finished run takes no more batches");
    }

    [Fact]
    public async Task A_run_left_running_by_a_stopped_host_fails_and_is_announced_when_the_next_one_starts()
    {
        var left = await StartAsync(full: true);
        var slow = await StartAsync(full: true);
        await Client.PostBatchAsync("kinguin", slow, Offer("k-1", "Elden Ring"));
        // Both started eleven minutes ago; only the slow one has written a batch since.
        await App.ScalarAsync<int>("UPDATE sync_runs SET started_at = now() - interval '11 minutes', active_at = now() - interval '11 minutes' WHERE id = @Id RETURNING 1", new { Id = left });
        await App.ScalarAsync<int>("UPDATE sync_runs SET started_at = now() - interval '11 minutes' WHERE id = @Id RETURNING 1", new { Id = slow });

        var next = await StartAsync(full: true);

        var runs = (await Client.GetFromJsonAsync<List<SyncRun>>("/kernel/catalog/sync-runs?supplier=kinguin"))!;
        runs.Select(r => (r.Id, r.Status, r.Error)).Should().BeEquivalentTo(
            [(next, "running", (string?)null), (slow, "running", null), (left, "failed", SyncRunsApi.Abandoned)]);
        runs.Single(r => r.Id == left).FinishedAt.Should().NotBeNull();
        (await App.OutboxEventsAsync(Topics.SupplierSyncFailed)).Select(e => (e.GetProperty("runId").GetInt64(), e.GetProperty("reason").GetString()))
            .Should().Equal((left, SyncRunsApi.Abandoned));
        (await AvailableSkusAsync()).Should().Equal(new[] { "k-1", "k-2", "k-3" }, "the abandoned run marks nothing vanished");
    }
}
