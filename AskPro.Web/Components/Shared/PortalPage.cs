using AskPro.Infrastructure.Portal;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AskPro.Web.Components.Shared;

/// <summary>Base of the portal's pages: reads through query services with a token that is
/// cancelled when the user leaves the page, and an error state instead of a broken circuit
/// when a read fails (logged, never swallowed).</summary>
public abstract class PortalPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _leaving = new();

    [Inject] private ILogger<PortalPage> Logger { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>The signed-in user (pages must not declare the cascading state again: one parameter name per component).</summary>
    protected async Task<ClaimsPrincipal> UserAsync() => Authentication is null ? new ClaimsPrincipal() : (await Authentication).User;

    /// <summary>Who acts, for the audit: the signed-in user's id.</summary>
    protected async Task<string> ActorAsync() => (await UserAsync()).FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "unknown";

    protected CancellationToken Leaving => _leaving.Token;

    /// <summary>A read failed; the page shows <see cref="EmptyState"/> with the error text.</summary>
    protected bool Failed { get; private set; }

    protected async Task<T?> ReadAsync<T>(Func<CancellationToken, Task<T>> read)
    {
        try
        {
            var value = await read(Leaving);
            Failed = false;
            return value;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Portal page {Page} could not read its data", GetType().Name);
            Failed = true;
            return default;
        }
    }

    /// <summary>The record in the URL is not the company's (or none at all): a 404 while the page
    /// prerenders, the not-found page once it is interactive. Another company's id looks exactly
    /// like an id that never existed.</summary>
    protected void RecordNotFound() => Navigation.NotFound();

    /// <summary>For a grid's ServerData: the page of rows, or an empty grid and the error state.
    /// The grid does not re-render its parent, so the page is asked to.</summary>
    protected async Task<GridData<T>> GridAsync<T>(Func<CancellationToken, Task<PageOf<T>>> read, CancellationToken grid)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(Leaving, grid);
        var wasFailed = Failed;
        var page = await ReadAsync(_ => read(both.Token));
        if (Failed != wasFailed || Failed) await InvokeAsync(StateHasChanged);
        return page?.ToGridData() ?? new GridData<T> { Items = [], TotalItems = 0 };
    }

    public virtual void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
        GC.SuppressFinalize(this);
    }
}
