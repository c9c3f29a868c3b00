using AskPro.Core.Booking;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Notifications;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AskPro.Tests.Notifications;

/// <summary>A salon on a real database whose booking engine notifies customers through a real
/// SMTP server and a fake Twilio API on loopback; the test drives the outbox and the sender.</summary>
public sealed class NotificationWorld : IAsyncDisposable
{
    public static readonly DateTime Wish = TenantWorld.Monday10Utc.AddDays(8);

    private NotificationWorld(TestDatabase database, SalonData salon, SalonData other, FakeSmtpServer smtp, FakeTwilio twilio, FixedClock clock)
    {
        Database = database; Salon = salon; Other = other; Smtp = smtp; Twilio = twilio; Clock = clock;
    }

    public TestDatabase Database { get; }
    public SalonData Salon { get; }
    public SalonData Other { get; }
    public FakeSmtpServer Smtp { get; }
    public FakeTwilio Twilio { get; }
    public FixedClock Clock { get; }

    /// <summary>The salon notifies by e-mail and SMS; its customer Lena has both, in the given language.</summary>
    public static async Task<NotificationWorld> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, string language = "de")
    {
        var database = await TestDatabase.CreateAsync(provider);
        var (salon, other) = await TenantWorld.CreateAsync(database);
        await using (var db = database.Platform())
        {
            await db.Companies.Where(c => c.Id == salon.Company.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.NotifyBySms, true));
            await db.Customers.Where(c => c.Id == salon.Customer.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Email, "lena@example.org").SetProperty(c => c.Language, language));
            await db.Branches.Where(b => b.Id == salon.Branch.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Street, "Torstraße 101").SetProperty(b => b.PostalCode, "10119"));
        }
        return new NotificationWorld(database, salon, other, FakeSmtpServer.Start(), await FakeTwilio.StartAsync(),
            new FixedClock(new DateTimeOffset(TenantWorld.Monday10Utc)));
    }

    /// <summary>One node: the engine with notifications as the app composes them.</summary>
    public BookingEngine Node() => BookingEngine.For(Database, Clock, services =>
    {
        var settings = new Dictionary<string, string?>(Smtp.Settings);
        foreach (var (k, v) in Twilio.Settings) settings[k] = v;
        settings["Messages:SenderEnabled"] = "false";
        settings["Messages:PublicBaseUrl"] = "https://askpro.example";
        services.AddAskProNotifications(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = Environments.Production });
    });

    public async Task<Guid> BookAsync(BookingEngine node, DateTime? start = null)
    {
        await using var scope = node.For(Salon.Company.Id);
        var booked = await scope.Get<Book>().RunAsync(new BookRequest(Salon.Staff.Id, Salon.Service.Id, Salon.Customer.Id, start ?? Wish, AppointmentSource.Portal, "portal:test"), default);
        return Assert.IsType<BookingOutcome.Booked>(booked).Appointment.Id;
    }

    /// <summary>Delivers every due event and sends every due message.</summary>
    public static async Task DeliverAsync(BookingEngine node)
    {
        while (await node.Dispatcher.DispatchDueAsync(50, default) > 0) { }
        while (await node.Service<MessageSender>().SendDueAsync(50, default) > 0) { }
    }

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await Twilio.DisposeAsync();
        await Database.DisposeAsync();
    }
}
