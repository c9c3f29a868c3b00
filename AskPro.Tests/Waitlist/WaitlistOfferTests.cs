using System.Text.RegularExpressions;
using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Scheduling;
using AskPro.Core.Waitlist;
using AskPro.Core.Waitlist.JoinWaitlist;
using AskPro.Core.Waitlist.TakeOffer;
using AskPro.Infrastructure.Waitlist;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Waitlist;

/// <summary>A cancellation refills the slot from the waitlist in the running app (real database,
/// outbox, message sender, dev outbox): the first in line get a link, the first click books
/// through the engine, the link is single use, and whoever clicks second is offered alternatives.</summary>
[Collection(BookingAppCollection.Name)]
public sealed partial class WaitlistOfferTests(BookingApp app)
{
    // Tuesday 12 January 2027, 10:00 in Berlin: no other test of the collection books that day.
    private static readonly DateTime Slot = new(2027, 1, 12, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day = new(2027, 1, 12);

    private WaitlistSalon Salon => new(app.Host);

    [Fact]
    public async Task A_cancellation_notifies_the_first_in_line_whose_link_books_once_and_the_second_click_finds_it_taken()
    {
        var (branch, service, anna) = await Salon.HaircutWithAnnaAsync();
        var booked = await Salon.RunAsync<Book, BookingOutcome>(book => book.RunAsync(new BookRequest(anna, service, Guid.Empty, Slot, AppointmentSource.Admin,
            "test: front desk", Contact: new CustomerContact("Frieda Früh", "+4915170000001", "frieda@example.org")), default));
        var appointment = Assert.IsType<BookingOutcome.Booked>(booked).Appointment;

        // Four wait, one second apart (first come, first served); the fourth is beyond the three offers per slot.
        var waiting = new[] { "wl1", "wl2", "wl3", "wl4" };
        var original = app.Clock.Now;
        try
        {
            foreach (var (who, i) in waiting.Select((w, i) => (w, i)))
            {
                app.Clock.Now = original.AddSeconds(i + 1);
                var joined = await Salon.RunAsync<JoinWaitlist, JoinWaitlistOutcome>(join => join.RunAsync(new JoinWaitlistRequest(branch, service,
                    i == 1 ? anna : null, Day.AddDays(-1), Day.AddDays(2), Guid.Empty,
                    new CustomerContact("Warte " + who.ToUpperInvariant(), $"+491517000010{i}", $"{who}@example.org"), AppointmentSource.Online, "online"), default));
                Assert.IsType<JoinWaitlistOutcome.Joined>(joined);
            }
            app.Clock.Now = original.AddSeconds(10);

            var cancelled = await Salon.RunAsync<Cancel, CancelOutcome>(cancel => cancel.RunAsync(
                new CancelRequest(appointment.Id, "krank", AppointmentSource.Admin, "test: front desk"), default));
            Assert.IsType<CancelOutcome.Cancelled>(cancelled);

            // The first three hear of it by e-mail with a link to that very slot; the fourth does not.
            var first = await Eventually.Async("the first in line's offer", () => Task.FromResult(Salon.MailsTo("wl1@example.org")), m => m.Count == 1);
            await Eventually.Async("the second and third in line's offers",
                () => Task.FromResult(Salon.MailsTo("wl2@example.org").Count + Salon.MailsTo("wl3@example.org").Count), n => n == 2);
            Assert.Equal("Ein Termin ist frei geworden: Dienstag, 12. Januar 2027 um 10:00 Uhr", first[0].Subject);
            Assert.Contains("Herrenhaarschnitt", first[0].Text);
            Assert.Contains("Anna Schmidt", first[0].Text);
            Assert.Empty(Salon.MailsTo("wl4@example.org"));
            Assert.DoesNotContain(Salon.MailsTo("frieda@example.org"), m => m.Subject.Contains("frei geworden"));

            await using var scope = app.Host.Services.CreateAsyncScope(); // as the public page's circuit
            var calls = scope.ServiceProvider.GetRequiredService<WaitlistOfferCalls>();
            var firstLink = calls.Read(TokenIn(first[0].Text)) ?? throw new InvalidOperationException("the link does not read");

            // The first click books that slot for the first in line, through the engine.
            var take = await calls.TakeAsync(firstLink, null, default);
            var taken = Assert.IsType<TakeOfferOutcome.Booked>(take);
            Assert.False(taken.Already);
            var rebooked = await app.ReadAsync(db => db.Appointments.Where(a => a.Id == taken.AppointmentId)
                .Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new { a.StartUtc, a.StaffId, a.Status, a.Source, c.Email }).SingleAsync());
            Assert.Equal((Slot, anna, AppointmentStatus.Scheduled, AppointmentSource.Online, "wl1@example.org"),
                (rebooked.StartUtc, rebooked.StaffId, rebooked.Status, rebooked.Source, rebooked.Email));
            Assert.Equal(WaitlistStatus.Booked, await app.ReadAsync(db => db.WaitlistEntries
                .Where(e => e.AppointmentId == taken.AppointmentId).Select(e => e.Status).SingleAsync()));

            // Single use: the same link again books nothing more.
            var again = Assert.IsType<TakeOfferOutcome.Booked>(await calls.TakeAsync(firstLink, null, default));
            Assert.True(again.Already);
            Assert.Equal(taken.AppointmentId, again.AppointmentId);
            Assert.Equal(1, await app.ReadAsync(db => db.Appointments.CountAsync(a => a.StartUtc == Slot && a.StaffId == anna && a.Status != AppointmentStatus.Cancelled)));

            // The second in line clicks too late: taken, with alternatives that the same link may book.
            var second = Salon.MailsTo("wl2@example.org").Single();
            var secondLink = calls.Read(TokenIn(second.Text))!;
            var late = Assert.IsType<TakeOfferOutcome.Taken>(await calls.TakeAsync(secondLink, null, default));
            Assert.NotEmpty(late.Alternatives);
            Assert.DoesNotContain(late.Alternatives, s => s.StartUtc == Slot && s.StaffId == anna);
            var alternative = Assert.IsType<TakeOfferOutcome.Booked>(await calls.TakeAsync(secondLink, late.Alternatives[0], default));
            Assert.Equal(late.Alternatives[0].StartUtc, alternative.StartUtc);

            // The third in line asks to be erased: no longer waiting, so no further offers.
            var third = await app.ReadAsync(db => db.Customers.Where(c => c.Email == "wl3@example.org").Select(c => c.Id).SingleAsync());
            Assert.IsType<AskPro.Core.Customers.EraseCustomer.EraseOutcome.Erased>(await Salon.RunAsync<AskPro.Core.Customers.EraseCustomer.EraseCustomer, AskPro.Core.Customers.EraseCustomer.EraseOutcome>(
                erase => erase.RunAsync(third, "test: erasure", default)));
            Assert.Equal(WaitlistStatus.Withdrawn, await app.ReadAsync(db => db.WaitlistEntries.Where(e => e.CustomerId == third).Select(e => e.Status).SingleAsync()));

            // A forged or altered link reads as nothing.
            Assert.Null(calls.Read("not-a-token"));
            Assert.Null(calls.Read(TokenIn(first[0].Text)[..^2] + "xx"));
            Assert.Null(calls.Read(new string('a', 5000)));
        }
        finally
        {
            app.Clock.Now = original;
        }
    }

    private static string TokenIn(string text) => OfferLink().Match(text) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no offer link in: " + text);

    [GeneratedRegex(@"/waitlist/([A-Za-z0-9_\-]+)")]
    private static partial Regex OfferLink();
}
