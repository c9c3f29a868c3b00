using AskPro.Core.Booking;
using AskPro.Core.Scheduling;
using AskPro.Core.Telephony;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Calendars;

/// <summary>Releasing a Pending appointment that Cal.com never got and asking staff to call the
/// caller back is one unit of work: both or neither.</summary>
public sealed class ReleaseWithCallbackTests
{
    /// <summary>Fails the save that carries a callback request, while <see cref="Armed"/>.</summary>
    private sealed class FailingCallbackSave : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<CallbackRequest>().Any(e => e.State == EntityState.Added))
                throw new DbUpdateException("Simulated failure while saving the callback request.");
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task A_failure_while_saving_the_callback_leaves_the_appointment_pending_with_its_time_and_no_callback_then_a_retry_writes_both()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (salon, _) = await TenantWorld.CreateAsync(database);
        var failing = new FailingCallbackSave();
        await using var engine = BookingEngine.For(database, configure: s => s.AddSingleton<IInterceptor>(failing));
        var start = TenantWorld.Monday10Utc.AddDays(14);
        var pending = new Appointment
        {
            CompanyId = salon.Company.Id, BranchId = salon.Branch.Id, StaffId = salon.Staff.Id, ServiceId = salon.Service.Id, CustomerId = salon.Customer.Id,
            StartUtc = start, EndUtc = start + salon.Service.Duration, Status = AppointmentStatus.Pending, Source = AppointmentSource.Phone,
            CreatedAt = start.AddDays(-1), UpdatedAt = start.AddDays(-1),
        };
        await using (var scope = engine.For(salon.Company.Id))
            Assert.True(await scope.Get<IBookingStore>().TryInsertAsync(pending, new(pending.StartUtc, pending.EndUtc), null, default));
        CallbackRequest Callback() => new() { CustomerId = salon.Customer.Id, Phone = salon.Customer.Phone, Name = salon.Customer.Name, Reason = "Cal.com hat nie geantwortet", CreatedAt = start };

        failing.Armed = true;
        await using (var scope = engine.For(salon.Company.Id))
        {
            var appointment = (await scope.Get<IBookingStore>().FindAsync(pending.Id, default))!;
            await Assert.ThrowsAsync<DbUpdateException>(() => scope.Get<SettlePending>().ReleaseAsync(appointment, "Nicht in Cal.com angekommen", Callback(), default));
        }
        await using (var db = database.Platform())
        {
            Assert.Equal(AppointmentStatus.Pending, (await db.Appointments.SingleAsync(a => a.Id == pending.Id)).Status);
            Assert.NotEqual(0, await db.SlotClaims.CountAsync(c => c.AppointmentId == pending.Id));
            Assert.False(await db.CallbackRequests.AnyAsync(c => c.Reason == "Cal.com hat nie geantwortet"));
        }

        failing.Armed = false;
        await using (var scope = engine.For(salon.Company.Id))
        {
            var appointment = (await scope.Get<IBookingStore>().FindAsync(pending.Id, default))!;
            await scope.Get<SettlePending>().ReleaseAsync(appointment, "Nicht in Cal.com angekommen", Callback(), default);
        }
        await using (var db = database.Platform())
        {
            Assert.Equal(AppointmentStatus.Cancelled, (await db.Appointments.SingleAsync(a => a.Id == pending.Id)).Status);
            Assert.Equal(0, await db.SlotClaims.CountAsync(c => c.AppointmentId == pending.Id));
            Assert.Equal(salon.Company.Id, (await db.CallbackRequests.SingleAsync(c => c.Reason == "Cal.com hat nie geantwortet")).CompanyId);
        }
    }
}
