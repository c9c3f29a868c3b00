using AskPro.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Persistence;

/// <summary>SQLite flavour of the model; its migrations live in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteAskProDbContext(DbContextOptions<SqliteAskProDbContext> options, ITenantContext tenant)
    : AskProDbContext(options, tenant);

/// <summary>PostgreSQL flavour of the model; its migrations live in Persistence/Migrations/Postgres.</summary>
public sealed class PostgresAskProDbContext(DbContextOptions<PostgresAskProDbContext> options, ITenantContext tenant)
    : AskProDbContext(options, tenant);

/// <summary>SQL Server flavour of the model; its migrations live in Persistence/Migrations/SqlServer.</summary>
public sealed class SqlServerAskProDbContext(DbContextOptions<SqlServerAskProDbContext> options, ITenantContext tenant)
    : AskProDbContext(options, tenant);

/// <summary>EF's <see cref="IDbContextFactory{TContext}"/> is invariant, so the provider's own
/// factory (EF's, registered by <c>AddDbContextFactory</c>) is offered under the base type
/// that all code depends on. It only forwards; EF creates the context.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> provider) : IDbContextFactory<AskProDbContext>
    where TContext : AskProDbContext
{
    public AskProDbContext CreateDbContext() => provider.CreateDbContext();

    public async Task<AskProDbContext> CreateDbContextAsync(CancellationToken ct = default) => await provider.CreateDbContextAsync(ct);
}
