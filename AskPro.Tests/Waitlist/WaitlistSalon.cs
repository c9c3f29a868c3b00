using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Notifications;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Waitlist;

/// <summary>The demo salon in a running app, as the waitlist tests use it: its ids, work in its
/// company (as a portal page or the phone path would run it), and the dev outbox.</summary>
internal sealed class WaitlistSalon(AppHost app)
{
    public Task<Guid> IdAsync() => app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync());

    public async Task<(Guid Branch, Guid Service, Guid Staff)> HaircutWithAnnaAsync()
    {
        var salon = await IdAsync();
        return await app.ReadAsync(async db => (
            await db.Branches.Where(b => b.CompanyId == salon).Select(b => b.Id).SingleAsync(),
            await db.Services.Where(s => s.CompanyId == salon && s.Name == "Herrenhaarschnitt").Select(s => s.Id).SingleAsync(),
            await db.Staff.Where(s => s.CompanyId == salon && s.Name == "Anna Schmidt").Select(s => s.Id).SingleAsync()));
    }

    public async Task<T> RunAsync<TUseCase, T>(Func<TUseCase, Task<T>> work) where TUseCase : notnull
    {
        var salon = await IdAsync();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(salon));
        return await work(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    public DevOutbox Outbox => app.Services.GetRequiredService<DevOutbox>();

    /// <summary>The e-mails the dev outbox holds for an address, oldest first.</summary>
    public IReadOnlyList<DevOutboxEntry> MailsTo(string address) =>
        Outbox.Recent.Where(m => m.Channel == OutboxChannel.Email && m.To == address).Reverse().ToList();
}
