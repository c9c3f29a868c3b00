using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Portal;

/// <summary>One page of rows and how many rows match in all.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Which page (zero-based) of which size. Clamped here, so no page can ask the
/// database for everything.</summary>
public readonly record struct PageRequest(int Index, int Size)
{
    public const int MaxSize = 200;

    public int Take => Math.Clamp(Size, 1, MaxSize);
    public int Skip => Math.Max(0, Index) * Take;
}

internal static class Paging
{
    /// <summary>Counts and reads one page, both in SQL.</summary>
    public static async Task<PageOf<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest page, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PageOf<T>(items, total);
    }

    public static IOrderedQueryable<T> OrderBy<T, TKey>(this IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);
}
