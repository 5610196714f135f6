using Dapper;
using GamesDrop.BuildingBlocks.Data;
using GamesDrop.Kernel;
using GamesDrop.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GamesDrop.Kernel.Tests.Migrations;

/// <summary>The schema itself holds the store's invariants, whatever code runs against it.</summary>
public sealed class SchemaTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private NpgsqlConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        DatabaseMigrator.Migrate(_database.ConnectionString, typeof(KernelApp).Assembly, "public", NullLogger.Instance);
        _connection = new NpgsqlConnection(_database.ConnectionString);
        await _connection.OpenAsync();
        await _connection.ExecuteAsync("""
            INSERT INTO suppliers (code, name, currency) VALUES ('kinguin', 'Kinguin', 'EUR');
            INSERT INTO products (slug, match_key, title, platform, region) VALUES ('elden-ring', 'elden ring|steam|global|standard', 'Elden Ring', 'Steam', 'GLOBAL');
            INSERT INTO users (id, email, display_name, password_hash) VALUES ('00000000-0000-0000-0000-000000000001', 'ann@example.com', 'Ann', 'x');
            INSERT INTO orders (id, number, user_id, email, receipt_token_hash, status, currency, total)
            VALUES ('00000000-0000-0000-0000-0000000000a1', 'GD-1', '00000000-0000-0000-0000-000000000001', 'ann@example.com', '\x01', 'paid', 'EUR', 10);
            INSERT INTO order_lines (order_id, product_id, quantity, unit_price, slug, title) VALUES ('00000000-0000-0000-0000-0000000000a1', 1, 1, 10, 'elden-ring', 'Elden Ring');
            INSERT INTO order_lines (order_id, product_id, quantity, unit_price, slug, title) VALUES ('00000000-0000-0000-0000-0000000000a1', 1, 1, 10, 'elden-ring', 'Elden Ring');
            """);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        var before = await _connection.ExecuteScalarAsync<int>("SELECT count(*) FROM public.schema_versions");

        DatabaseMigrator.Migrate(_database.ConnectionString, typeof(KernelApp).Assembly, "public", NullLogger.Instance);

        (await _connection.ExecuteScalarAsync<int>("SELECT count(*) FROM public.schema_versions")).Should().Be(before);
        before.Should().BeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task A_key_cannot_be_sold_twice()
    {
        await _connection.ExecuteAsync("""
            INSERT INTO product_keys (product_id, source, ciphertext, nonce, key_id, fingerprint)
            VALUES (1, 'stock', '\x01', '\x02', 'k1', '\x03')
            """);
        await _connection.ExecuteAsync("UPDATE product_keys SET status = 'sold', order_line_id = 1, sold_at = now() WHERE status = 'available'");

        var resold = await _connection.ExecuteAsync("UPDATE product_keys SET order_line_id = 2 WHERE status = 'available'");

        resold.Should().Be(0, "a sold key is no longer available to reserve");
        await FluentActions.Awaiting(() => _connection.ExecuteAsync("UPDATE product_keys SET status = 'sold', order_line_id = NULL"))
            .Should().ThrowAsync<PostgresException>().Where(e => e.SqlState == PostgresErrorCodes.CheckViolation);
        await FluentActions.Awaiting(() => _connection.ExecuteAsync("""
                INSERT INTO product_keys (product_id, source, ciphertext, nonce, key_id, fingerprint)
                VALUES (1, 'stock', '\x09', '\x02', 'k1', '\x03')
                """))
            .Should().ThrowAsync<PostgresException>("the same key cannot enter the vault twice").Where(e => e.SqlState == PostgresErrorCodes.UniqueViolation);
    }

    [Fact]
    public async Task An_order_is_captured_at_most_once()
    {
        await _connection.ExecuteAsync("""
            INSERT INTO payments (id, order_id, provider_order_id, capture_id, status, amount, currency)
            VALUES (gen_random_uuid(), '00000000-0000-0000-0000-0000000000a1', 'PP-1', 'CAP-1', 'captured', 10, 'EUR')
            """);

        await FluentActions.Awaiting(() => _connection.ExecuteAsync("""
                INSERT INTO payments (id, order_id, provider_order_id, capture_id, status, amount, currency)
                VALUES (gen_random_uuid(), '00000000-0000-0000-0000-0000000000a1', 'PP-2', 'CAP-2', 'captured', 10, 'EUR')
                """))
            .Should().ThrowAsync<PostgresException>().Where(e => e.SqlState == PostgresErrorCodes.UniqueViolation);
    }

    [Fact]
    public async Task Emails_are_unique_whatever_their_case()
    {
        await FluentActions.Awaiting(() => _connection.ExecuteAsync(
                "INSERT INTO users (id, email, display_name, password_hash) VALUES (gen_random_uuid(), 'ANN@example.com', 'Ann 2', 'x')"))
            .Should().ThrowAsync<PostgresException>().Where(e => e.SqlState == PostgresErrorCodes.UniqueViolation);
    }

    [Theory]
    [InlineData("S.T.A.L.K.E.R.: Shadow of Chernobyl", "stalker shadow of chernobyl")]
    [InlineData("A.B.C", "abc")]
    [InlineData("Pokémon Ver. 1.2", "pokemon ver 12")]
    [InlineData("Dr. Mario", "dr mario")]
    [InlineData("...", "")]
    [InlineData("Tom Clancy’s The Division 2", "tom clancys the division 2")]
    [InlineData("Half-Life 2", "half life 2")]
    [InlineData("No dots here", "no dots here")]
    public async Task Search_text_joins_dotted_letters_and_drops_accents_case_and_punctuation_with_or_without_a_dot(string title, string text)
    {
        (await _connection.ExecuteScalarAsync<string>("SELECT catalog_search_text(@Title)", new { Title = title })).Should().Be(text);
    }

    [Theory]
    [InlineData("S.T.A.L.K.E.R.: Shadow of Chernobyl", new string[0])]
    [InlineData("Pokémon Ver. 1.2", new[] { "Pocket Monsters", "Pokemon 1.2" })]
    [InlineData("Tom Clancy’s The Division 2", new[] { "Division II" })]
    public async Task A_product_s_search_columns_are_its_title_s_text_and_words_with_its_aliases_and_follow_every_write(string title, string[] aliases)
    {
        // What the columns were when PostgreSQL generated them (0006, 0040), now a trigger's work (0207).
        const string Stale = """
            SELECT count(*) FROM products
            WHERE (search_title, title_search, search) IS DISTINCT FROM
                  (catalog_search_text(title), to_tsvector('simple', catalog_search_text(title)), catalog_search_document(title, aliases))
            """;
        var id = await _connection.ExecuteScalarAsync<long>("""
            INSERT INTO products (slug, match_key, title, aliases, platform, region) VALUES ('written', 'written|pc|global|standard', @Title, @Aliases, 'PC', 'GLOBAL')
            RETURNING id
            """, new { Title = title, Aliases = aliases });
        (await _connection.ExecuteScalarAsync<long>(Stale)).Should().Be(0);

        await _connection.ExecuteAsync("UPDATE products SET title = 'Elden Ring: Nightreign', aliases = aliases || 'Nightreign'::text WHERE id = @Id", new { Id = id });
        (await _connection.ExecuteScalarAsync<long>(Stale)).Should().Be(0);
        await _connection.ExecuteAsync("UPDATE products SET search_title = 'other', search = 'other', title_search = 'other' WHERE id = @Id", new { Id = id });
        (await _connection.ExecuteScalarAsync<long>(Stale)).Should().Be(0);
        (await _connection.ExecuteScalarAsync<string>("SELECT search::text FROM products WHERE id = @Id", new { Id = id }))
            .Should().Contain("'nightreign'").And.NotContain("'other'");
    }

    [Theory]
    [InlineData("2", "ii")]
    [InlineData("14", "xiv")]
    [InlineData("20", "xx")]
    [InlineData("ii", "2")]
    [InlineData("xix", "19")]
    [InlineData("xx", "20")]
    [InlineData("1", null)]
    [InlineData("21", null)]
    [InlineData("02", null)]
    [InlineData("xxi", null)]
    [InlineData("2077", null)]
    [InlineData("elden", null)]
    [InlineData(null, null)]
    public async Task A_sequel_number_has_its_other_numeral_from_2_to_20(string? word, string? other)
    {
        (await _connection.ExecuteScalarAsync<string?>("SELECT catalog_numeral(@Word)", new { Word = word })).Should().Be(other);
    }

    [Theory]
    [InlineData("elden", "'elden'")]
    [InlineData("elden ring", "'elden' & 'ring':*")]
    [InlineData("eld", "'eld':*")]
    [InlineData("ringed elden", "'ringed' & 'elden'")]
    [InlineData("hades 2", "'hades' & ( '2':* | 'ii' )")]
    [InlineData("hades ii", "'hades' & ( 'ii' | '2' )")]
    public async Task The_last_word_is_a_prefix_only_when_a_longer_catalog_word_starts_with_it(string query, string corrected)
    {
        // "ringed" starts with "ring"; nothing else in the catalog starts with "elden", "hades" or "ii".
        await _connection.ExecuteAsync("INSERT INTO catalog_words (word) VALUES ('elden'), ('ring'), ('ringed'), ('hades'), ('ii') ON CONFLICT DO NOTHING");

        (await _connection.ExecuteScalarAsync<string>("SELECT corrected::text FROM catalog_search_terms(@Q)", new { Q = query })).Should().Be(corrected);
    }

    [Theory]
    [InlineData("halo", 1, "alo hal halo hao hlo")]
    [InlineData("abba", 1, "aba abb abba bba")]
    [InlineData("abc", 2, "a ab abc ac b bc c")]
    [InlineData("ab", 0, "ab")]
    public async Task A_word_s_deletions_are_each_variant_with_up_to_depth_letters_left_out_once(string word, int depth, string variants)
    {
        (await _connection.QueryAsync<string>("SELECT v FROM catalog_word_deletes(@Word, @Depth) v ORDER BY v COLLATE \"C\"", new { Word = word, Depth = depth }))
            .Should().Equal(variants.Split(' '));
    }
}
