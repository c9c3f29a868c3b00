using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AskPro.Tests.Scheduling;

/// <summary>A deadlock reaches the stores wrapped twice on PostgreSQL: Npgsql's execution
/// strategy calls it transient and wraps the DbUpdateException in an InvalidOperationException.
/// A CI run lost a booking race to exactly that wrapper, which the retry did not recognise.</summary>
public sealed class DatabaseErrorTests
{
    private static PostgresException Postgres(string sqlState) => new("error", "ERROR", "ERROR", sqlState);

    [Fact]
    public void A_deadlock_is_recognised_under_the_execution_strategys_wrapper()
    {
        var wrapped = new InvalidOperationException("transient", new DbUpdateException("save", Postgres(PostgresErrorCodes.DeadlockDetected)));

        Assert.True(DatabaseMigrator.IsDeadlock(wrapped));
        Assert.False(DatabaseMigrator.IsUniqueViolation(wrapped));
    }

    [Fact]
    public void A_unique_violation_is_recognised_bare_and_wrapped_and_other_errors_are_neither()
    {
        var unique = new DbUpdateException("save", Postgres(PostgresErrorCodes.UniqueViolation));
        var other = new DbUpdateException("save", Postgres(PostgresErrorCodes.SerializationFailure));

        Assert.True(DatabaseMigrator.IsUniqueViolation(unique));
        Assert.True(DatabaseMigrator.IsUniqueViolation(new InvalidOperationException("x", unique)));
        Assert.False(DatabaseMigrator.IsDeadlock(unique));
        Assert.False(DatabaseMigrator.IsUniqueViolation(other));
        Assert.False(DatabaseMigrator.IsDeadlock(other));
        Assert.False(DatabaseMigrator.IsDeadlock(new InvalidOperationException("no database error")));
    }
}
