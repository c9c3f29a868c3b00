using System.Text.Json;
using AskPro.Core.Directory;
using AskPro.Core.Directory.RecordAbsence;
using AskPro.Core.Directory.WithdrawAbsence;
using AskPro.Core.Tenancy;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.CompanyDirectory;

[CollectionDefinition(Name)]
public sealed class DirectoryAppCollection : ICollectionFixture<BookingApp>
{
    public const string Name = "directory app";
}

/// <summary>A stylist's vacation entered in the portal, then the phone agent over signed function
/// calls: it offers only the others, and the vacation's days never for her.</summary>
[Collection(DirectoryAppCollection.Name)]
public sealed class AbsenceOnThePhoneTests(BookingApp app)
{
    private async Task<(string Status, JsonElement Data)> CheckAsync(string date, string time, string? staff = null)
    {
        var args = new Dictionary<string, string> { ["datum"] = date, ["uhrzeit"] = time, ["dienstleistung"] = "Herrenhaarschnitt" };
        if (staff is not null) args["mitarbeiter"] = staff;
        var reply = await app.Retell.CallAsync("check_availability", args, "call_" + Guid.NewGuid().ToString("N"));
        return (reply.GetProperty("status").GetString()!, reply.GetProperty("data"));
    }

    private async Task<DirectoryOutcome> AsSalonAdminAsync(Func<IServiceProvider, Task<DirectoryOutcome>> act)
    {
        var salon = await app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync());
        await using var scope = app.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(salon));
        return await act(scope.ServiceProvider);
    }

    [Fact]
    public async Task A_stylists_vacation_makes_the_phone_agent_offer_only_the_others()
    {
        app.Clock.Now = BookingApp.Start;
        var anna = await app.ReadAsync(db => db.Staff.Where(s => s.Name == "Anna Schmidt").Select(s => s.Id).SingleAsync());

        // Before: at 10 on Tuesday 15 December everyone is free, and Anna is the first one offered.
        var before = await CheckAsync("15.12.", "10 Uhr");
        Assert.Equal("available", before.Status);
        Assert.Equal("Anna Schmidt", before.Data.GetProperty("staff").GetString());

        var vacation = new AbsenceDetails(new DateTime(2026, 12, 14), new DateTime(2026, 12, 19), AbsenceKind.Vacation, "Skiurlaub");
        Assert.IsType<DirectoryOutcome.Saved>(await AsSalonAdminAsync(sp => sp.GetRequiredService<RecordAbsence>().RunAsync(anna, vacation, "admin", default)));
        try
        {
            var anyone = await CheckAsync("15.12.", "11 Uhr");
            Assert.Equal("available", anyone.Status);
            Assert.NotEqual("Anna Schmidt", anyone.Data.GetProperty("staff").GetString());

            var withAnna = await CheckAsync("16.12.", "10 Uhr", "Anna");
            Assert.Equal("unavailable", withAnna.Status);
            var offered = withAnna.Data.GetProperty("alternatives").EnumerateArray().Select(a => DateTimeOffset.Parse(a.GetProperty("start").GetString()!)).ToList();
            Assert.NotEmpty(offered);
            Assert.All(offered, start => Assert.True(start.Date >= new DateTime(2026, 12, 19), $"{start} is in Anna's vacation"));

            var booked = await app.Retell.CallAsync("book_appointment",
                new { datum = "17.12.", uhrzeit = "9 Uhr", dienstleistung = "Herrenhaarschnitt", name = "Greta Urlaub" }, "call_" + Guid.NewGuid().ToString("N"));
            Assert.Equal("booked", booked.GetProperty("status").GetString());
            var appointmentId = Guid.Parse(booked.GetProperty("data").GetProperty("appointment_id").GetString()!);
            Assert.NotEqual(anna, await app.ReadAsync(db => db.Appointments.Where(x => x.Id == appointmentId).Select(x => x.StaffId).SingleAsync()));
        }
        finally
        {
            var absence = await app.ReadAsync(async db => (await db.Staff.AsNoTracking().SingleAsync(s => s.Id == anna)).Absences.Single().Id);
            Assert.IsType<DirectoryOutcome.Saved>(await AsSalonAdminAsync(sp => sp.GetRequiredService<WithdrawAbsence>().RunAsync(anna, absence, "admin", default)));
        }

        // Withdrawn: Anna is offered on her former vacation days again.
        var after = await CheckAsync("16.12.", "14 Uhr", "Anna");
        Assert.Equal("available", after.Status);
        Assert.Equal("Anna Schmidt", after.Data.GetProperty("staff").GetString());
    }
}
