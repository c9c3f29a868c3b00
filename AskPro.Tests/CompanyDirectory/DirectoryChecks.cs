using AskPro.Core.Booking;
using AskPro.Core.Directory;
using AskPro.Core.Directory.RecordAbsence;
using AskPro.Core.Directory.SaveBranch;
using AskPro.Core.Directory.SaveService;
using AskPro.Core.Directory.SaveStaff;
using AskPro.Core.Directory.WithdrawAbsence;
using AskPro.Core.Scheduling;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.CompanyDirectory;

/// <summary>What the directory use cases promise, on whichever database the test class gives.
/// Signed in as salon A (open Mondays 09–12 and 13–18); salon B's look-alike rows must never change.</summary>
public static class DirectoryChecks
{
    /// <summary>Monday 30 November 2026 in Berlin, a week after "now".</summary>
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private static BranchDetails BranchAs(SalonData salon, IReadOnlyList<WeeklyInterval> hours) =>
        new(salon.Branch.Name, "Torstraße 1", "10119", "Berlin", "DE", "DE-BE", "Europe/Berlin", "030 5550 1000", hours, [], []);

    private static ServiceDetails ServiceAs(SalonData salon, int minutes) =>
        new(salon.Service.Name, minutes, 10, 2900, 60, 24, true, "", [salon.Staff.Id]);

    private static WeeklyInterval Monday_(string opens, string closes) =>
        new() { Day = DayOfWeek.Monday, Opens = TimeOnly.Parse(opens), Closes = TimeOnly.Parse(closes) };

    private static async Task<int> AuditCountAsync(PortalWorld world)
    {
        await using var db = world.Database.For(world.A.Company.Id);
        return await db.AuditEntries.CountAsync();
    }

    public static async Task Bad_hours_services_and_staff_get_German_errors_and_change_nothing(PortalWorld world)
    {
        var audits = await AuditCountAsync(world);

        var inverted = Assert.IsType<DirectoryOutcome.Invalid>(await world.Get<SaveBranch>().RunAsync(world.A.Branch.Id,
            BranchAs(world.A, [Monday_("18:00", "09:00")]), "admin-a", default));
        Assert.Equal("Montag: 18:00–09:00 endet nicht nach dem Beginn.", Assert.Single(inverted.Errors).Message);
        var overlapping = Assert.IsType<DirectoryOutcome.Invalid>(await world.Get<SaveBranch>().RunAsync(world.A.Branch.Id,
            BranchAs(world.A, [Monday_("09:00", "13:00"), Monday_("12:00", "18:00")]), "admin-a", default));
        Assert.Equal("Montag: 09:00–13:00 und 12:00–18:00 überschneiden sich.", Assert.Single(overlapping.Errors).Message);
        var unreasoned = Assert.IsType<DirectoryOutcome.Invalid>(await world.Get<SaveBranch>().RunAsync(world.A.Branch.Id,
            BranchAs(world.A, [Monday_("09:00", "18:00")]) with { Closures = [new Closure { From = Monday.AddDays(3), To = Monday, Reason = " " }] }, "admin-a", default));
        Assert.Equal(2, unreasoned.Errors.Count); // ends before it starts, and no reason for the callers

        foreach (var minutes in new[] { 5, 600 })
        {
            var service = Assert.IsType<DirectoryOutcome.Invalid>(await world.Get<SaveService>().RunAsync(world.A.Service.Id, ServiceAs(world.A, minutes), "admin-a", default));
            Assert.Equal("Eine Dienstleistung dauert 15 Minuten bis 8 Stunden.", Assert.Single(service.Errors).Message);
        }

        var noServices = Assert.IsType<DirectoryOutcome.Invalid>(await world.Get<SaveStaff>().RunAsync(null,
            new StaffDetails("Neu", world.A.Branch.Id, null, true, [], []), "admin-a", default));
        Assert.Equal("Bitte mindestens eine Dienstleistung wählen, die diese Person anbietet.", Assert.Single(noServices.Errors).Message);

        await using var db = world.Database.For(world.A.Company.Id);
        var branch = await db.Branches.AsNoTracking().SingleAsync();
        Assert.Equal(["09:00–12:00", "13:00–18:00"], branch.OpeningHours.Select(h => $"{h.Opens:HH\\:mm}–{h.Closes:HH\\:mm}"));
        Assert.Empty(branch.Closures);
        Assert.Equal(30, (await db.Services.AsNoTracking().SingleAsync()).DurationMinutes);
        Assert.Equal(1, await db.Staff.CountAsync());
        Assert.Equal(audits, await AuditCountAsync(world));
    }

    public static async Task A_saved_change_is_audited_and_the_directory_the_agent_reads_has_it_at_once(PortalWorld world)
    {
        var directory = world.Get<ITenantDirectory>();
        Assert.Equal(30, (await directory.GetAsync(default)).Service(world.A.Service.Id)!.DurationMinutes); // cached now

        var saved = Assert.IsType<DirectoryOutcome.Saved>(await world.Get<SaveService>().RunAsync(world.A.Service.Id, ServiceAs(world.A, 45), "admin-a", default));
        Assert.Equal(world.A.Service.Id, saved.Id);
        var hired = Assert.IsType<DirectoryOutcome.Saved>(await world.Get<SaveStaff>().RunAsync(null,
            new StaffDetails(" Mehmet ", world.A.Branch.Id, "mehmet@salon.test", true, [Monday_("13:00", "18:00")], [world.A.Service.Id]), "admin-a", default));
        var hours = Assert.IsType<DirectoryOutcome.Saved>(await world.Get<SaveBranch>().RunAsync(world.A.Branch.Id,
            BranchAs(world.A, [Monday_("08:00", "12:00"), Monday_("13:00", "20:00")]) with
            {
                Closures = [new Closure { From = new DateOnly(2026, 12, 31), To = new DateOnly(2026, 12, 31), Reason = "Silvester" }],
            }, "admin-a", default));

        var snapshot = await directory.GetAsync(default);
        Assert.Equal(45, snapshot.Service(world.A.Service.Id)!.DurationMinutes);
        var mehmet = snapshot.StaffMember(hired.Id)!;
        Assert.Equal("Mehmet", mehmet.Name);
        Assert.Equal([world.A.Service.Id], mehmet.Services.Select(s => s.Id));
        Assert.Equal(2, snapshot.Performing(world.A.Branch.Id, world.A.Service.Id).Count);
        var branch = snapshot.Branch(hours.Id)!;
        Assert.Equal(new TimeOnly(20, 0), branch.OpeningHours[^1].Closes);
        Assert.Equal("Silvester", Assert.Single(branch.Closures).Reason);
        Assert.Equal("+493055501000", branch.Phone?.Value);

        await using var db = world.Database.For(world.A.Company.Id);
        var audit = await db.AuditEntries.Where(e => e.Actor == "admin-a").OrderBy(e => e.Action).Select(e => new { e.Action, e.EntityId }).ToListAsync();
        Assert.Equal([("branch.update", world.A.Branch.Id.ToString()), ("service.update", world.A.Service.Id.ToString()), ("staff.create", hired.Id.ToString())],
            audit.Select(a => (a.Action, a.EntityId)));
    }

    public static async Task Another_companys_records_are_not_found_and_stay_as_they_were(PortalWorld world)
    {
        var b = world.B;
        Assert.IsType<DirectoryOutcome.NotFound>(await world.Get<SaveService>().RunAsync(b.Service.Id, ServiceAs(world.A, 45), "admin-a", default));
        Assert.IsType<DirectoryOutcome.NotFound>(await world.Get<SaveBranch>().RunAsync(b.Branch.Id, BranchAs(world.A, [Monday_("08:00", "20:00")]), "admin-a", default));
        Assert.IsType<DirectoryOutcome.NotFound>(await world.Get<SaveStaff>().RunAsync(null,
            new StaffDetails("Spion", world.A.Branch.Id, null, true, [], [b.Service.Id]), "admin-a", default));
        Assert.IsType<DirectoryOutcome.NotFound>(await world.Get<SaveStaff>().RunAsync(null,
            new StaffDetails("Spion", b.Branch.Id, null, true, [], [world.A.Service.Id]), "admin-a", default));
        Assert.IsType<DirectoryOutcome.NotFound>(await world.Get<RecordAbsence>().RunAsync(b.Staff.Id,
            new AbsenceDetails(Monday.ToDateTime(TimeOnly.MinValue), Monday.AddDays(1).ToDateTime(TimeOnly.MinValue), AbsenceKind.Vacation, null), "admin-a", default));

        await using var db = world.Database.For(b.Company.Id);
        Assert.Equal(30, (await db.Services.AsNoTracking().SingleAsync()).DurationMinutes);
        Assert.Equal(2, (await db.Branches.AsNoTracking().SingleAsync()).OpeningHours.Count);
        var staff = await db.Staff.AsNoTracking().Include(s => s.Services).SingleAsync();
        Assert.Empty(staff.Absences);
        Assert.Equal([b.Service.Id], staff.Services.Select(s => s.Id));
        await using var own = world.Database.For(world.A.Company.Id);
        Assert.Equal(1, await own.Staff.CountAsync());
    }

    public static async Task An_absence_blocks_the_staff_members_time_on_every_channel_until_withdrawn(PortalWorld world)
    {
        var a = world.A;
        async Task<IReadOnlyList<Slot>> FreeOnMondayAsync()
        {
            var snapshot = await world.Get<ITenantDirectory>().GetAsync(default);
            var free = await world.Get<FindFreeSlots>().RunAsync(new SlotSearch(snapshot.Branch(a.Branch.Id)!, snapshot.Service(a.Service.Id)!,
                snapshot.Performing(a.Branch.Id, a.Service.Id), Monday, 15), default);
            return free.On(Monday);
        }
        Assert.NotEmpty(await FreeOnMondayAsync());

        var vacation = new AbsenceDetails(Monday.ToDateTime(TimeOnly.MinValue), Monday.AddDays(1).ToDateTime(TimeOnly.MinValue), AbsenceKind.Vacation, "Mallorca");
        Assert.IsType<DirectoryOutcome.Saved>(await world.Get<RecordAbsence>().RunAsync(a.Staff.Id, vacation, "admin-a", default));
        Assert.Empty(await FreeOnMondayAsync());

        // The phone (and API) channel cannot book her either, not even by asking for the exact time.
        var tenUtc = BranchClock.ToUtc(Monday.ToDateTime(new TimeOnly(10, 0)), "Europe/Berlin");
        var phone = await world.Get<Book>().RunAsync(new BookRequest(a.Staff.Id, a.Service.Id, a.Customer.Id, tenUtc, AppointmentSource.Phone, "phone"), default);
        Assert.Equal(BookingRule.OutsideHours, Assert.IsType<BookingOutcome.PolicyViolated>(phone).Rule);

        var overlap = await world.Get<RecordAbsence>().RunAsync(a.Staff.Id,
            new AbsenceDetails(Monday.ToDateTime(new TimeOnly(15, 0)), Monday.AddDays(2).ToDateTime(TimeOnly.MinValue), AbsenceKind.Training, null), "admin-a", default);
        Assert.StartsWith("Überschneidet sich mit einer eingetragenen Abwesenheit (ab 30.11.2026 00:00)", Assert.Single(Assert.IsType<DirectoryOutcome.Invalid>(overlap).Errors).Message);
        var backwards = await world.Get<RecordAbsence>().RunAsync(a.Staff.Id, vacation with { EndLocal = vacation.StartLocal }, "admin-a", default);
        Assert.IsType<DirectoryOutcome.Invalid>(backwards);

        var absence = Assert.Single((await world.Get<AskPro.Infrastructure.Portal.IDirectoryQueries>().StaffAsync(default)).Single().Absences);
        Assert.Equal(BranchClock.ToUtc(vacation.StartLocal, "Europe/Berlin"), absence.StartUtc);
        Assert.IsType<DirectoryOutcome.Saved>(await world.Get<WithdrawAbsence>().RunAsync(a.Staff.Id, absence.Id, "admin-a", default));
        Assert.NotEmpty(await FreeOnMondayAsync());
        Assert.IsType<BookingOutcome.Booked>(await world.Get<Book>().RunAsync(new BookRequest(a.Staff.Id, a.Service.Id, a.Customer.Id, tenUtc, AppointmentSource.Phone, "phone"), default));
    }
}
