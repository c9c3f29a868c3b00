using AskPro.Core.Booking;
using AskPro.Core.Calendars;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Infrastructure.Caching;
using AskPro.Infrastructure.Calendars;
using AskPro.Infrastructure.CompanyDirectory;
using AskPro.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AskPro.Infrastructure.Booking;

public static class BookingRegistration
{
    /// <summary>The booking engine every channel calls: the directory snapshot, the use cases
    /// (FindFreeSlots, Book, Reschedule, Cancel, FindOrCreateCustomer), their stores, holds and
    /// the calendar provider.</summary>
    public static IServiceCollection AddAskProBooking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BookingOptions>().Bind(configuration.GetSection(BookingOptions.Section))
            .Validate(o => o.HoldMinutes is >= 1 and <= 60 && o.HorizonDays is >= 1 and <= 730, "Booking: HoldMinutes 1–60, HorizonDays 1–730.").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BookingOptions>>().Value);

        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Holds are about fairness between callers (the claims decide double booking): Redis
        // when several nodes share it; in memory when the database is SQLite (one node by
        // definition); in the database for PostgreSQL without Redis.
        if (redis.Enabled) services.AddScoped<IHoldStore, RedisHoldStore>();
        else if (database.Provider == DatabaseProvider.Sqlite) services.AddSingleton<MemoryHoldStore.Table>().AddScoped<IHoldStore, MemoryHoldStore>();
        else services.AddScoped<IHoldStore, DatabaseHoldStore>();
        services.AddScoped<ITenantDirectory, TenantDirectory>();
        services.AddSingleton<Core.Scheduling.Holidays.IPublicHolidayCalendar, PublicHolidayCalendar>();
        services.AddScoped<IAvailabilityChanged, CachedAvailabilityChanged>();
        services.AddAskProCalendars(configuration);
        services.AddScoped<BookedTime>();
        services.AddScoped<IBookingStore, AppointmentStore>();
        services.AddScoped<FindFreeSlots>();
        services.AddScoped<SettlePending>();
        services.AddScoped<Book>();
        services.AddScoped<Reschedule>();
        services.AddScoped<Cancel>();
        services.AddScoped<ChangeStatus>();
        services.AddScoped<LinkExternalBooking>();
        services.AddScoped<ICustomerStore, Customers.CustomerStore>();
        services.AddScoped<FindOrCreateCustomer>();
        return services;
    }
}
