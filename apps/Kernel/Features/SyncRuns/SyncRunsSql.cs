namespace GamesDrop.Kernel.Features.SyncRuns;

internal static class SyncRunsSql
{
    private const string Columns = """
        id AS Id, supplier_code AS Supplier, kind AS Kind, status AS Status, started_at AS StartedAt, finished_at AS FinishedAt,
        pages AS Pages, offers_seen AS OffersSeen, offers_created AS OffersCreated, offers_updated AS OffersUpdated,
        offers_unchanged AS OffersUnchanged, offers_vanished AS OffersVanished, error AS Error, offers_quarantined AS OffersQuarantined
        """;

    /// <summary>How long a running run may go without a batch before it is taken to be left by a stopped host.</summary>
    public const string QuietFor = "10 minutes";

    /// <summary>
    /// The supplier's runs that wrote no batch for <see cref="QuietFor"/>: the host that ran them stopped (a sync writes a
    /// batch every few seconds, and each kernel call gives up long before), so they end as failed when the next one starts.
    /// </summary>
    public const string Abandon = $"""
        UPDATE sync_runs SET status = 'failed', finished_at = now(), error = @Error
        WHERE supplier_code = @Supplier AND status = 'running' AND active_at < now() - interval '{QuietFor}'
        RETURNING id
        """;

    public const string Start = """
        INSERT INTO sync_runs (supplier_code, kind, status)
        SELECT code, CASE WHEN @Full THEN 'full' ELSE 'delta' END, 'running' FROM suppliers WHERE code = @Supplier
        RETURNING id AS Id, started_at AS StartedAt
        """;

    public const string Latest = $"""
        SELECT {Columns} FROM sync_runs
        WHERE @Supplier::text IS NULL OR supplier_code = @Supplier
        ORDER BY started_at DESC, id DESC
        LIMIT @Limit
        """;

    // Locked: a finish repeated by a retry waits for the first and then finds the run finished.
    public const string ForFinish = $"""
        SELECT {Columns} FROM sync_runs WHERE id = @Id FOR UPDATE
        """;

    public const string SeenCount = "SELECT count(*)::int FROM sync_run_seen WHERE run_id = @Id";

    /// <summary>
    /// The supplier's available offers this run did not report become unavailable; unavailable ones stay untouched.
    /// Returns them for repricing and events.
    /// </summary>
    public const string MarkVanished = """
        UPDATE supplier_offers o SET available = false, synced_at = now()
        WHERE o.supplier_code = @Supplier AND o.available
          AND NOT EXISTS (SELECT 1 FROM sync_run_seen s WHERE s.run_id = @Id AND s.sku = o.supplier_sku)
        RETURNING o.product_id AS ProductId, o.supplier_sku AS Sku, o.price AS Price, o.currency AS Currency, o.stock AS Stock
        """;

    /// <summary>
    /// Statistics the finish needs at once, from a tenth of the usual sample: the seen list's size for
    /// <see cref="MarkVanished"/>, then, after a run that added listings, the columns a sync finds offers and products by
    /// (OffersSql). Those plans read row counts and whether keys are distinct, which 3,000 sampled rows give as well as
    /// 30,000. At 100k products the usual sample took 783 ms of a first sync's finish (mostly sorting text keys), 3,000
    /// take 38 ms. The lookup columns' full statistics still come from autovacuum: an ANALYZE naming columns leaves the
    /// table's count of changes standing.
    /// </summary>
    public const string AnalyzeSeen = SmallSample + "ANALYZE sync_run_seen";

    /// <inheritdoc cref="AnalyzeSeen"/>
    public const string AnalyzeLookups =
        SmallSample + "ANALYZE supplier_offers (id, supplier_code, supplier_sku, product_id, available), products (id, match_key, slug)";

    private const string SmallSample = "SET LOCAL default_statistics_target = 10; ";

    /// <summary>Moves the words waiting in the search index's pending list into the index proper.</summary>
    public const string MergeSearchWords = "SELECT gin_clean_pending_list('products_search'::regclass)";

    public const string ConfirmFullSync = """
        UPDATE suppliers SET last_full_sync_at = greatest(last_full_sync_at, @StartedAt) WHERE code = @Supplier
        """;

    public const string Finish = $"""
        DELETE FROM sync_run_seen WHERE run_id = @Id;
        UPDATE sync_runs
        SET status = @Status, finished_at = now(), pages = greatest(pages, @Pages), offers_vanished = @Vanished, error = @Error
        WHERE id = @Id
        RETURNING {Columns}
        """;
}
