using AskPro.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Persistence;

/// <summary>SQLite flavour of the model; its migrations live in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteAskProDbContext : AskProDbContext
{
    /// <summary>The pool's constructor (EF's pool requires exactly one public one).</summary>
    public SqliteAskProDbContext(DbContextOptions<SqliteAskProDbContext> options) : base(options) { }

    /// <summary>A context outside the pool (design time, tests), bound to a tenant for its life.</summary>
    internal SqliteAskProDbContext(DbContextOptions<SqliteAskProDbContext> options, ITenantContext tenant) : base(options, tenant) { }
}

/// <summary>PostgreSQL flavour of the model; its migrations live in Persistence/Migrations/Postgres.</summary>
public sealed class PostgresAskProDbContext : AskProDbContext
{
    /// <summary>The pool's constructor (EF's pool requires exactly one public one).</summary>
    public PostgresAskProDbContext(DbContextOptions<PostgresAskProDbContext> options) : base(options) { }

    /// <summary>A context outside the pool (design time, tests), bound to a tenant for its life.</summary>
    internal PostgresAskProDbContext(DbContextOptions<PostgresAskProDbContext> options, ITenantContext tenant) : base(options, tenant) { }
}

/// <summary>SQL Server flavour of the model; its migrations live in Persistence/Migrations/SqlServer.</summary>
public sealed class SqlServerAskProDbContext : AskProDbContext
{
    /// <summary>The pool's constructor (EF's pool requires exactly one public one).</summary>
    public SqlServerAskProDbContext(DbContextOptions<SqlServerAskProDbContext> options) : base(options) { }

    /// <summary>A context outside the pool (design time, tests), bound to a tenant for its life.</summary>
    internal SqlServerAskProDbContext(DbContextOptions<SqlServerAskProDbContext> options, ITenantContext tenant) : base(options, tenant) { }
}

/// <summary>Contexts leased from EF's pool for the provider's type, bound to the scope's tenant.
/// It is registered scoped both as the scope's <see cref="AskProDbContext"/> and as the factory
/// for short-lived contexts (portal query services, circuit-scoped writes): all code depends on
/// the base type, and EF's <see cref="IDbContextFactory{TContext}"/> is invariant.</summary>
internal sealed class PooledContexts<TContext>(IDbContextFactory<TContext> pool, ITenantContext tenant) : IDbContextFactory<AskProDbContext>
    where TContext : AskProDbContext
{
    public AskProDbContext CreateDbContext()
    {
        var context = pool.CreateDbContext();
        context.LeaseFor(tenant);
        return context;
    }

    public async Task<AskProDbContext> CreateDbContextAsync(CancellationToken ct = default)
    {
        var context = await pool.CreateDbContextAsync(ct);
        context.LeaseFor(tenant);
        return context;
    }
}
