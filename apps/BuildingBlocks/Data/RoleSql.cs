namespace GamesDrop.BuildingBlocks.Data;

/// <summary>Statements of <see cref="RoleProvisioner"/>; each formatter returns the DDL to run, names quoted by format().</summary>
internal static class RoleSql
{
    // Held until the step's transaction ends.
    public const string Lock = "SELECT pg_advisory_xact_lock(hashtext('gamesdrop.roles'))";

    public const string CreateGroup = """
        SELECT format('CREATE ROLE %I NOLOGIN', @Role) WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = @Role)
        """;

    // JIT off: the search and pricing statements cross the planner's JIT threshold on a large catalog, and compiling
    // them took longer (about 50 ms) than running them. Set here, one host at a time, not in a migration: a role's
    // settings are cluster-wide, and hosts migrating other databases at once failed with "tuple concurrently updated".
    public const string CreateLogin = """
        SELECT format('CREATE ROLE %I LOGIN', @Role) WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = @Role)
        UNION ALL SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', @Role, @Password)
        UNION ALL SELECT format('ALTER ROLE %I SET jit = off', @Role)
        """;

    public const string GrantGroup = "SELECT format('GRANT %I TO %I', @Group, @Role)";

    public const string CreateExtension = "SELECT format('CREATE EXTENSION IF NOT EXISTS %I', @Extension)";

    // public is open to every role by default: only its owner may use it.
    public const string OwnSchema = """
        SELECT format('CREATE SCHEMA %I AUTHORIZATION %I', @Schema, @Role) WHERE NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = @Schema)
        UNION ALL SELECT format('ALTER SCHEMA %I OWNER TO %I', @Schema, @Role)
        UNION ALL SELECT format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', @Schema)
        """;

    // A database migrated before the roles existed: its tables, views and functions pass to the schema's role. Extension
    // members stay with the extension, and a sequence owned by a column follows its table.
    public const string HandOverObjects = """
        SELECT format('ALTER %s %I.%I OWNER TO %I',
                      CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                      n.nspname, c.relname, @Role)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @Schema AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> to_regrole(@Role)
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
        UNION ALL
        SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, @Role)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = @Schema AND p.proowner <> to_regrole(@Role)
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
        """;
}
