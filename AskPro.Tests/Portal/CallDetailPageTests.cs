using AskPro.Core.Telephony;
using AskPro.Tests.Support;
using AskPro.Web.Components.Pages.Calls;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Portal;

public sealed class CallDetailPageTests : IAsyncLifetime
{
    private readonly PortalComponents _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    [Fact]
    public async Task A_calls_page_shows_each_function_the_agent_called_with_masked_arguments()
    {
        await using (var db = _portal.Database.For(_portal.SalonA.Company.Id))
        {
            db.FunctionInvocations.Add(new FunctionInvocation
            {
                CallId = _portal.SalonA.Call.Id, Name = "book_appointment", ArgumentsMasked = "{\"name\":\"L********\"}",
                Status = "booked", Success = true, Message = "Ihr Termin ist gebucht.", DurationMs = 12, At = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        }
        _portal.SignInAsSalonA();

        var page = _portal.Context.Render<CallDetailPage>(p => p.Add(x => x.Id, _portal.SalonA.Call.Id));

        page.WaitForAssertion(() => Assert.Contains("book_appointment", page.Find("[data-testid=invocations-grid]").TextContent));
        Assert.Contains("L********", page.Markup);
        Assert.DoesNotContain("Lena", page.Find("[data-testid=invocations-grid]").TextContent);
        Assert.Contains("01511 2345678", page.Markup); // the caller in national format, as Google formats it
    }

    [Fact]
    public async Task The_transcript_reads_as_a_dialogue_with_the_linked_customer_appointment_and_outcome()
    {
        await using (var db = _portal.Database.For(_portal.SalonA.Company.Id))
        {
            var call = await db.Calls.SingleAsync(c => c.Id == _portal.SalonA.Call.Id);
            call.Transcript = "Agent: Guten Tag!\nUser: Ich möchte einen Termin\nam Montag.\nAgent: Gebucht.";
            call.AppointmentId = _portal.SalonA.Appointment.Id;
            (call.Status, call.DurationSeconds, call.CostCents, call.Sentiment) = (CallStatus.Ended, 95, 18, "Positive");
            call.RecordingUrl = "https://example.org/recording.wav";
            await db.SaveChangesAsync();
        }
        _portal.SignInAsSalonA();

        var page = _portal.Context.Render<CallDetailPage>(p => p.Add(x => x.Id, _portal.SalonA.Call.Id));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=transcript] li").Count));
        var turns = page.FindAll("[data-testid=transcript] li");
        Assert.Equal(["Agent", "Caller", "Agent"], turns.Select(t => t.GetAttribute("data-speaker")));
        Assert.Contains("Ich möchte einen Termin am Montag.", turns[1].TextContent);
        Assert.Equal("Lena Müller", page.Find("[data-testid=call-customer]").TextContent);
        Assert.Contains(_portal.SalonA.Service.Name, page.Find("[data-testid=call-appointment]").TextContent);
        Assert.Equal("Termin gebucht", page.Find("[data-testid=call-outcome]").TextContent);
        Assert.Contains("1:35", page.Find("[data-testid=call-facts]").TextContent);
        Assert.Equal("https://example.org/recording.wav", page.Find("[data-testid=call-recording]").GetAttribute("href"));
    }

    [Fact]
    public void Another_companys_call_is_not_found()
    {
        _portal.SignInAsSalonA();
        var page = _portal.Context.Render<CallDetailPage>(p => p.Add(x => x.Id, Guid.NewGuid()));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=call-missing]")));
    }

    public Task DisposeAsync() => _portal.DisposeAsync();
}
