using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Notifications;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Demo;

public sealed partial class DemoSeeder
{
    /// <summary>Customers, appointments over the past 30 and next 14 days, and calls, booked
    /// through the real booking use case (so the slot claims are real too).</summary>
    private async Task SeedActivityAsync(Guid companyId, Random random, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(companyId));
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        var book = scope.ServiceProvider.GetRequiredService<Book>();
        var cancel = scope.ServiceProvider.GetRequiredService<Cancel>();

        var branch = await db.Branches.AsNoTracking().SingleAsync(ct);
        var staff = await db.Staff.AsNoTracking().Include(s => s.Services).ToListAsync(ct);
        var phone = await db.PhoneNumbers.AsNoTracking().SingleAsync(ct);
        var customers = CreateCustomers(random, branch);
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(ct);

        var today = DateOnly.FromDateTime(BranchClock.ToLocal(clock.GetUtcNow().UtcDateTime, branch.TimeZoneId).DateTime);
        for (var day = today.AddDays(-30); day <= today.AddDays(14); day = day.AddDays(1))
        {
            var hours = branch.OpeningHours.Where(h => h.Day == day.DayOfWeek).ToList();
            foreach (var interval in hours)
            foreach (var member in staff)
            {
                var count = random.Next(1, 4);
                for (var i = 0; i < count; i++)
                {
                    var service = member.Services[random.Next(member.Services.Count)];
                    var latestStart = interval.Closes.ToTimeSpan() - service.Duration - interval.Opens.ToTimeSpan();
                    if (latestStart < TimeSpan.Zero) continue;
                    var start = interval.Opens.Add(TimeSpan.FromMinutes(15 * random.Next((int)latestStart.TotalMinutes / 15 + 1)));
                    var startUtc = BranchClock.ToUtc(day.ToDateTime(start), branch.TimeZoneId);
                    var customer = customers[random.Next(customers.Count)];
                    var fromPhone = random.Next(3) > 0;
                    // The past is history staff enter (no notice applies); the future is booked as the channel would.
                    var source = day < today ? AppointmentSource.Admin : fromPhone ? AppointmentSource.Phone : AppointmentSource.Portal;
                    var outcome = await book.RunAsync(new BookRequest(member.Id, service.Id, customer.Id, startUtc, source, CustomerNotices.SeedActor), ct);
                    if (outcome is not BookingOutcome.Booked booked) continue;

                    // Demo history: how past appointments went (no use case records that yet).
                    if (day < today) booked.Appointment.Status = random.Next(10) == 0 ? AppointmentStatus.NoShow : AppointmentStatus.Completed;
                    else if (random.Next(12) == 0) await cancel.RunAsync(new CancelRequest(booked.Appointment.Id, "Kunde hat abgesagt", AppointmentSource.Admin, CustomerNotices.SeedActor), ct);
                    if (fromPhone) db.Calls.Add(CallFor(booked.Appointment, customer, service, branch, phone, random));
                    await db.SaveChangesAsync(ct);
                }
            }
        }
    }

    private List<Customer> CreateCustomers(Random random, Branch branch)
    {
        var prefix = branch.Phone!.Value[..5]; // +4930 / +4989: local customers
        return Enumerable.Range(0, 50).Select(i =>
        {
            var first = DemoData.FirstNames[random.Next(DemoData.FirstNames.Length)];
            var last = DemoData.LastNames[random.Next(DemoData.LastNames.Length)];
            var mobile = i % 3 != 0;
            var number = mobile ? $"+49151{random.Next(1000000, 9999999)}{i % 10}" : $"{prefix}{random.Next(1000000, 9999999)}";
            return new Customer
            {
                Name = $"{first} {last}", Phone = E164Number.Parse(number),
                Email = i % 2 == 0 ? $"{first}.{last}.{i}@example.org".ToLowerInvariant().Replace("ü", "ue").Replace("ö", "oe").Replace("ä", "ae").Replace("ß", "ss").Replace("ı", "i") : null,
                CreatedAt = clock.GetUtcNow().UtcDateTime.AddDays(-random.Next(30, 400)),
            };
        }).ToList();
    }

    private static Call CallFor(Appointment appointment, Customer customer, Service service, Branch branch, PhoneNumber phone, Random random)
    {
        var started = appointment.CreatedAt.AddDays(-random.Next(1, 10)).AddMinutes(-random.Next(0, 600));
        if (started > appointment.StartUtc) started = appointment.StartUtc.AddDays(-1);
        var seconds = random.Next(45, 240);
        var spoken = BranchClock.ToLocal(appointment.StartUtc, branch.TimeZoneId);
        return new Call
        {
            RetellCallId = $"call_demo_{appointment.Id:N}", BranchId = branch.Id, AgentId = phone.RetellAgentId,
            FromNumber = customer.Phone, ToNumber = phone.Number, Status = CallStatus.Ended,
            StartedAt = started, EndedAt = started.AddSeconds(seconds), DurationSeconds = seconds,
            DisconnectionReason = "user_hangup", Sentiment = random.Next(5) == 0 ? "Neutral" : "Positive", Successful = true,
            CostCents = seconds * 12 / 60 + 3, CustomerId = customer.Id, AppointmentId = appointment.Id,
            Summary = $"Anrufer hat einen Termin für {service.Name} am {spoken:dd.MM.} um {spoken:HH:mm} Uhr gebucht.",
            Transcript = $"Agent: Guten Tag, {branch.Name}, wie kann ich helfen?\nUser: Ich hätte gern einen Termin für {service.Name}.\n" +
                         $"Agent: Gern. Wie wäre es am {spoken:dd.MM.} um {spoken:HH:mm} Uhr?\nUser: Das passt.\nAgent: Ihr Termin ist gebucht. Bis dann!",
            UpdatedAt = started.AddSeconds(seconds),
        };
    }
}
