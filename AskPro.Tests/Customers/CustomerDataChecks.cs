using System.Data.Common;
using AskPro.Core.Customers;
using AskPro.Core.Customers.EraseCustomer;
using AskPro.Core.Customers.ExportCustomerData;
using AskPro.Core.Telephony;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Portal;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Customers;

/// <summary>The GDPR use cases on a real database: an erased customer leaves no personal data in
/// any text column of any table (scanned, not listed), the statistics stay, the look-alike
/// customer of another company is untouched, and another company's id is not found.</summary>
public static class CustomerDataChecks
{
    private const string Email = "lena.mueller@example.org";
    private const string Notes = "Allergie gegen Ammoniak";

    public static async Task Erasing_a_customer_leaves_no_personal_data_in_any_table_and_keeps_the_statistics(TestDatabase database)
    {
        var (a, b) = await TenantWorld.CreateAsync(database);
        await AddTracesAsync(database, a);
        await using var engine = BookingEngine.For(database, configure: s => s.AddAskProPortal());

        await using (var scope = engine.For(a.Company.Id))
        {
            var export = await scope.Get<ExportCustomerData>().RunAsync(a.Customer.Id, "admin@salon-a", default);
            Assert.NotNull(export);
            Assert.Equal((a.Customer.Name, Email, Notes), (export.Customer.Name, export.Customer.Email, export.Customer.Notes));
            Assert.Equal("Herrenhaarschnitt", Assert.Single(export.Appointments).Service);
            Assert.Contains("Lena Müller", Assert.Single(export.Calls).Transcript);
            Assert.IsType<EraseOutcome.Erased>(await scope.Get<EraseCustomer>().RunAsync(a.Customer.Id, "admin@salon-a", default));
        }

        string[] traces = ["Lena Müller", "Lena M\\u00fcller", "+4915112345678", "015112345678", Email, Notes];
        await using (var db = database.Platform())
        {
            var found = await ScanAsync(db, traces, except: b.Company.Id);
            Assert.True(found.Count == 0, "Personal data left: " + string.Join("; ", found));
            // Statistics stay: the appointment and the call, with their times and figures.
            var appointment = await db.Appointments.SingleAsync(x => x.Id == a.Appointment.Id);
            Assert.Equal((a.Appointment.StartUtc, a.Customer.Id), (appointment.StartUtc, appointment.CustomerId));
            var call = await db.Calls.SingleAsync(x => x.Id == a.Call.Id);
            Assert.Equal((180, (long?)42), (call.DurationSeconds!.Value, call.CostCents));
            Assert.Single(await db.AuditEntries.Where(x => x.Action == "customer.erase" && x.EntityId == a.Customer.Id.ToString() && x.Actor == "admin@salon-a").ToListAsync());
            Assert.Single(await db.AuditEntries.Where(x => x.Action == "customer.export" && x.EntityId == a.Customer.Id.ToString()).ToListAsync());
            // The other company's look-alike customer keeps everything.
            var other = await db.Customers.SingleAsync(x => x.Id == b.Customer.Id);
            Assert.Equal(("Lena Müller", "+4915112345678"), (other.Name, other.Phone!.Value));
            Assert.Equal("call_salon-b", (await db.Calls.SingleAsync(x => x.Id == b.Call.Id)).RetellCallId);
        }
    }

    public static async Task Another_companys_customer_is_not_found_and_not_touched(TestDatabase database)
    {
        var (a, b) = await TenantWorld.CreateAsync(database);
        await using var engine = BookingEngine.For(database, configure: s => s.AddAskProPortal());

        await using (var scope = engine.For(a.Company.Id))
        {
            Assert.Null(await scope.Get<ExportCustomerData>().RunAsync(b.Customer.Id, "admin@salon-a", default));
            Assert.IsType<EraseOutcome.NotFound>(await scope.Get<EraseCustomer>().RunAsync(b.Customer.Id, "admin@salon-a", default));
        }

        await using var db = database.Platform();
        Assert.Equal("Lena Müller", (await db.Customers.SingleAsync(x => x.Id == b.Customer.Id)).Name);
        Assert.False(await db.AuditEntries.AnyAsync(x => x.Action == "customer.erase" || x.Action == "customer.export"));
    }

    private static async Task AddTracesAsync(TestDatabase database, SalonData a)
    {
        await using var db = database.Platform();
        var c = a.Company.Id;
        await db.Customers.Where(x => x.Id == a.Customer.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Email, Email).SetProperty(x => x.Notes, Notes));
        await db.Calls.Where(x => x.Id == a.Call.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Transcript, "Agent: Guten Tag!\nUser: Hier ist Lena Müller, meine Nummer ist 015112345678.")
            .SetProperty(x => x.Summary, "Lena Müller bucht einen Herrenhaarschnitt.").SetProperty(x => x.DurationSeconds, 180).SetProperty(x => x.CostCents, 42L)
            .SetProperty(x => x.RecordingUrl, "https://recordings.example/lena-mueller.wav"));
        await db.Appointments.Where(x => x.Id == a.Appointment.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CancellationReason, "Lena Müller ist krank"));
        await db.CustomerMessages.Where(x => x.Id == a.Message.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Text, "Hallo Lena Müller, bis Montag."));
        db.FunctionInvocations.Add(new FunctionInvocation { CompanyId = c, CallId = a.Call.Id, Name = "book_appointment", Status = "booked", ArgumentsMasked = "{\"name\":\"Lena Müller\"}", Message = "Gebucht für Lena Müller." });
        db.CallbackRequests.Add(new CallbackRequest { CompanyId = c, CallId = a.Call.Id, Name = "Lena", Reason = "Frau Lena Müller bittet um Rückruf" });
        db.AuditEntries.Add(new Core.Operations.AuditEntry { CompanyId = c, Actor = "admin", Action = "customer.note", EntityType = "Customer", Details = "Notiz für Lena Müller" });
        db.Inbox.Add(new InboxItem
        {
            CompanyId = c, Provider = "retell", EventKey = "call_salon-a:call_ended", EventType = "call_ended", Status = InboxStatus.Processed,
            Payload = "{\"event\":\"call_ended\",\"call\":{\"from_number\":\"+4915112345678\",\"transcript\":\"Hier ist Lena M\\u00fcller\"}}",
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Every text value of every table in the model that contains a trace, but for rows of the excepted company.</summary>
    private static async Task<List<string>> ScanAsync(AskProDbContext db, string[] traces, Guid except)
    {
        var found = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            var companyColumn = Enumerable.Range(0, reader.FieldCount).FirstOrDefault(i => reader.GetName(i) == "CompanyId", -1);
            while (await reader.ReadAsync())
            {
                if (companyColumn >= 0 && !reader.IsDBNull(companyColumn) && Guid.TryParse(reader.GetValue(companyColumn).ToString(), out var company) && company == except) continue;
                for (var i = 0; i < reader.FieldCount; i++)
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string text && traces.FirstOrDefault(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)) is { } trace)
                        found.Add($"{table}.{reader.GetName(i)} contains '{trace}'");
            }
        }
        return found;
    }
}

public sealed class SqliteCustomerDataTests
{
    [Fact]
    public async Task Erasing_a_customer_leaves_no_personal_data_in_any_table_and_keeps_the_statistics()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CustomerDataChecks.Erasing_a_customer_leaves_no_personal_data_in_any_table_and_keeps_the_statistics(db);
    }

    [Fact]
    public async Task Another_companys_customer_is_not_found_and_not_touched()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CustomerDataChecks.Another_companys_customer_is_not_found_and_not_touched(db);
    }
}

public sealed class PostgresCustomerDataTests
{
    [PostgresFact]
    public async Task Erasing_a_customer_leaves_no_personal_data_in_any_table_and_keeps_the_statistics()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await CustomerDataChecks.Erasing_a_customer_leaves_no_personal_data_in_any_table_and_keeps_the_statistics(db);
    }
}
