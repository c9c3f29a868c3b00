using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Persistence;

/// <summary>Creates short-lived contexts that share the scope's tenant. Blazor components use
/// it so that two concurrent loads on one circuit never share a DbContext.</summary>
public sealed class AskProDbContextFactory(IServiceProvider services, AskProDbContext scoped)
{
    private readonly Type _implementation = scoped.GetType();

    public AskProDbContext Create() =>
        (AskProDbContext)ActivatorUtilities.CreateInstance(services, _implementation);
}
