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
