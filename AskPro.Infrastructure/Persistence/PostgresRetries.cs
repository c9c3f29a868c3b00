using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace AskPro.Infrastructure.Persistence;

/// <summary>Npgsql's retrying execution strategy, plus: a connection found broken clears its
/// pool. After a server restart every idle pooled connection is dead, and the pool hands them out
/// one by one; without the clearing each retry would draw the next dead one and a few retries
/// would not reach a live connection.</summary>
internal sealed class PostgresRetries(ExecutionStrategyDependencies dependencies, int count, TimeSpan maxDelay)
    : NpgsqlRetryingExecutionStrategy(dependencies, count, maxDelay, errorCodesToAdd: null)
{
    protected override bool ShouldRetryOn(Exception? exception)
    {
        if (exception is NpgsqlException { InnerException: IOException or SocketException } && Dependencies.CurrentContext.Context is { } context)
            NpgsqlConnection.ClearPool((NpgsqlConnection)context.Database.GetDbConnection());
        return base.ShouldRetryOn(exception);
    }
}
