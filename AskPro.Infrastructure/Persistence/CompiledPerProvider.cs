using System.Collections.Concurrent;

namespace AskPro.Infrastructure.Persistence;

/// <summary>A compiled query (<c>EF.CompileAsyncQuery</c>) per provider context type. EF ties a
/// compiled query to the one model it first ran against, and each provider's context type has
/// its own model: one process may use several (the tests run SQLite and PostgreSQL side by side).</summary>
internal sealed class CompiledPerProvider<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> byContextType = new();

    public TQuery For(AskProDbContext db) => byContextType.GetOrAdd(db.GetType(), _ => compile());
}
