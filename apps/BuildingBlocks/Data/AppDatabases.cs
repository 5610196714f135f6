using System.Security.Cryptography;
using System.Text;
using GamesDrop.Contracts;
using Npgsql;

namespace GamesDrop.BuildingBlocks.Data;

/// <summary>
/// An app's PostgreSQL login role, the schemas it owns (every app role also uses <c>messaging</c>), and the extensions
/// its migrations use, which only a privileged role may create.
/// </summary>
public sealed record AppDatabase(string AppId, string Role, IReadOnlyList<string> Schemas, IReadOnlyList<string> Extensions);

/// <summary>
/// Least privilege in PostgreSQL: each app connects as its own role, owns only its schemas, and reaches the shared
/// outbox (<c>messaging</c>) through the <see cref="MessagingRole"/> it is a member of. The Embedded host provisions
/// these roles (<see cref="RoleProvisioner"/>); the Dapr profile creates them in deploy/postgres/init-roles.sh.
/// </summary>
public static class AppDatabases
{
    /// <summary>Owns the <c>messaging</c> schema; it cannot sign in, the app roles act through membership.</summary>
    public const string MessagingRole = "gamesdrop_messaging";
    public const string MessagingSchema = "messaging";

    public static readonly IReadOnlyList<AppDatabase> All =
    [
        new(AppIds.Bff, "gamesdrop_bff", [], []),
        new(AppIds.Kernel, "gamesdrop_kernel", ["public"], ["pg_trgm", "unaccent"]),
        // The Embedded workflow runner keeps the checkout workflow's history; in the Dapr profile daprd keeps it.
        new(AppIds.Checkout, "gamesdrop_checkout", ["workflows"], []),
        new(AppIds.Suppliers, "gamesdrop_suppliers", [], []),
        new(AppIds.Notifier, "gamesdrop_notifier", ["notifier"], []),
    ];

    public static AppDatabase? Of(string appId) => All.SingleOrDefault(a => a.AppId == appId);

    /// <summary>The role that owns <paramref name="schema"/>, so its migrations create objects that role owns.</summary>
    public static string? OwnerOf(string schema) => schema == MessagingSchema
        ? MessagingRole
        : All.SingleOrDefault(a => a.Schemas.Contains(schema))?.Role;

    /// <summary>
    /// Embedded profile: the app's connection, derived from the migrator's (which may create roles) with the app's role
    /// and a password derived from the migrator's, so hosts sharing a server agree on it without another secret.
    /// </summary>
    public static string EmbeddedConnection(string migratorConnection, AppDatabase app) =>
        new NpgsqlConnectionStringBuilder(migratorConnection)
        {
            Username = app.Role,
            Password = EmbeddedPassword(migratorConnection, app.Role),
        }.ConnectionString;

    internal static string EmbeddedPassword(string migratorConnection, string role)
    {
        var key = Encoding.UTF8.GetBytes(new NpgsqlConnectionStringBuilder(migratorConnection).Password ?? "");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("gamesdrop-role:" + role)));
    }
}
