using AskPro.Core.Customers;
using AskPro.Core.Customers.EditCustomer;
using AskPro.Core.Customers.MergeCustomers;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Portal;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Customers;

/// <summary>Correcting and merging customer records on a real database, through the Core use
/// cases the customer page calls: a wrong field is named in German and changes nothing, a
/// correction is audited by field name (never by value), two records of one person become one
/// with all their appointments, calls and messages, and another company's records are never
/// found, let alone merged.</summary>
public sealed class CustomerRecordTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private BookingEngine _engine = null!;
    private SalonData _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        (_a, _b) = await TenantWorld.CreateAsync(_database);
        _engine = BookingEngine.For(_database, configure: s => s.AddAskProPortal());
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "+4915112345678", "", "name", "Bitte einen Namen")]
    [InlineData("", "+4915112345678", "", "name", "Bitte einen Namen")]
    [InlineData("Lena Müller", "keine Nummer", "", "phone", "keine gültige Telefonnummer")]
    [InlineData("Lena Müller", "+4915112345678", "lena@@example.org", "email", "keine gültige E-Mail-Adresse")]
    [InlineData("Lena Müller", "+4915112345678", "\"Lena\" <lena@example.org>", "email", "keine gültige E-Mail-Adresse")]
    public async Task A_wrong_field_is_named_in_German_and_nothing_changes(string name, string phone, string email, string field, string text)
    {
        var outcome = await EditAsync(_a.Company.Id, _a.Customer.Id, new CustomerChanges(name, phone, email, "neu"));

        var invalid = Assert.IsType<EditOutcome.Invalid>(outcome);
        Assert.Equal(field, invalid.Field);
        Assert.Contains(text, invalid.Reason);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Notes_beyond_the_limit_and_an_unknown_language_are_refused()
    {
        Assert.Equal("notes", Assert.IsType<EditOutcome.Invalid>(await EditAsync(_a.Company.Id, _a.Customer.Id,
            new CustomerChanges("Lena Müller", null, null, new string('x', Customer.MaxNotesLength + 1)))).Field);
        Assert.Equal("language", Assert.IsType<EditOutcome.Invalid>(await EditAsync(_a.Company.Id, _a.Customer.Id,
            new CustomerChanges("Lena Müller", null, null, "", "fr"))).Field);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task A_correction_is_stored_normalised_and_audited_by_field_name_only()
    {
        var outcome = await EditAsync(_a.Company.Id, _a.Customer.Id, new CustomerChanges("Lena Müller-Schmidt", "0151 / 987 654 32", " lena@example.org ", "mag Tee", "en"));

        Assert.IsType<EditOutcome.Saved>(outcome);
        await using var db = _database.Platform();
        var stored = await db.Customers.SingleAsync(c => c.Id == _a.Customer.Id);
        Assert.Equal(("Lena Müller-Schmidt", "+4915198765432", "lena@example.org", "mag Tee", "en"),
            (stored.Name, stored.Phone!.Value, stored.Email, stored.Notes, stored.Language));
        var audit = await db.AuditEntries.SingleAsync(x => x.Action == "customer.edit");
        Assert.Equal((_a.Company.Id, "admin-a", _a.Customer.Id.ToString(), "name, phone, email, notes, language"),
            (audit.CompanyId, audit.Actor, audit.EntityId, audit.Details));
        Assert.DoesNotContain("Schmidt", audit.Details);
    }

    [Fact]
    public async Task Another_customers_number_is_refused_and_nothing_changes()
    {
        var other = await AddCustomerAsync(_a.Company.Id, "Max Meier", "+4917012345678", null);

        var outcome = await EditAsync(_a.Company.Id, _a.Customer.Id, new CustomerChanges("Lena Müller", "+49 170 12345678", null, ""));

        Assert.IsType<EditOutcome.PhoneTaken>(outcome);
        await AssertUnchangedAsync();
        await using var db = _database.Platform();
        Assert.Equal("+4917012345678", (await db.Customers.SingleAsync(c => c.Id == other)).Phone!.Value);
    }

    [Fact]
    public async Task Another_companys_customer_cannot_be_edited()
    {
        var outcome = await EditAsync(_a.Company.Id, _b.Customer.Id, new CustomerChanges("Übernommen", null, null, ""));

        Assert.IsType<EditOutcome.NotFound>(outcome);
        await using var db = _database.Platform();
        Assert.Equal("Lena Müller", (await db.Customers.SingleAsync(c => c.Id == _b.Customer.Id)).Name);
        Assert.False(await db.AuditEntries.AnyAsync(x => x.Action == "customer.edit"));
    }

    [Fact]
    public async Task Merging_moves_appointments_calls_messages_and_callbacks_to_the_kept_record_and_deletes_the_duplicate()
    {
        // The same person once by phone (the world's customer, with its history) and once by e-mail.
        var kept = await AddCustomerAsync(_a.Company.Id, "L. Müller", null, "lena@example.org");
        await using (var db = _database.Platform())
            await db.CallbackRequests.Where(x => x.Id == _a.Callback.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, _a.Customer.Id));

        var outcome = await MergeAsync(_a.Company.Id, kept, _a.Customer.Id);

        Assert.IsType<MergeOutcome.Merged>(outcome);
        await using (var db = _database.Platform())
        {
            Assert.False(await db.Customers.AnyAsync(c => c.Id == _a.Customer.Id));
            var person = await db.Customers.SingleAsync(c => c.Id == kept);
            Assert.Equal(("L. Müller", "+4915112345678", "lena@example.org"), (person.Name, person.Phone?.Value, person.Email));
            Assert.Equal(kept, (await db.Appointments.SingleAsync(x => x.Id == _a.Appointment.Id)).CustomerId);
            Assert.Equal(kept, (await db.Calls.SingleAsync(x => x.Id == _a.Call.Id)).CustomerId);
            Assert.Equal(kept, (await db.CustomerMessages.SingleAsync(x => x.Id == _a.Message.Id)).CustomerId);
            Assert.Equal(kept, (await db.CallbackRequests.SingleAsync(x => x.Id == _a.Callback.Id)).CustomerId);
            var audit = await db.AuditEntries.SingleAsync(x => x.Action == "customer.merge");
            Assert.Equal((kept.ToString(), $"merged {_a.Customer.Id}", "admin-a"), (audit.EntityId, audit.Details, audit.Actor));
            // The other company's look-alike keeps everything.
            Assert.Equal(_b.Customer.Id, (await db.Appointments.SingleAsync(x => x.Id == _b.Appointment.Id)).CustomerId);
        }

        // The customer page reads the merged history.
        await using var scope = _engine.For(_a.Company.Id);
        var detail = await scope.Get<ICustomerDetailQueries>().DetailAsync(kept, default);
        Assert.NotNull(detail);
        Assert.Equal(_a.Appointment.Id, Assert.Single(detail.Past.Concat(detail.Upcoming)).Id);
        Assert.Equal(_a.Call.Id, Assert.Single(detail.Calls).Id);
        Assert.Single(detail.Messages);
    }

    [Fact]
    public async Task Another_companys_customer_is_never_merged_in_either_direction()
    {
        Assert.IsType<MergeOutcome.NotFound>(await MergeAsync(_a.Company.Id, _a.Customer.Id, _b.Customer.Id));
        Assert.IsType<MergeOutcome.NotFound>(await MergeAsync(_a.Company.Id, _b.Customer.Id, _a.Customer.Id));
        Assert.IsType<MergeOutcome.SameCustomer>(await MergeAsync(_a.Company.Id, _a.Customer.Id, _a.Customer.Id));

        await using var db = _database.Platform();
        Assert.Equal(2, await db.Customers.CountAsync());
        Assert.Equal(_b.Customer.Id, (await db.Appointments.SingleAsync(x => x.Id == _b.Appointment.Id)).CustomerId);
        Assert.Equal(_a.Customer.Id, (await db.Appointments.SingleAsync(x => x.Id == _a.Appointment.Id)).CustomerId);
        Assert.False(await db.AuditEntries.AnyAsync(x => x.Action == "customer.merge"));
        await using var scope = _engine.For(_a.Company.Id);
        Assert.Null(await scope.Get<ICustomerDetailQueries>().DetailAsync(_b.Customer.Id, default));
    }

    private async Task<EditOutcome> EditAsync(Guid company, Guid customer, CustomerChanges changes)
    {
        await using var scope = _engine.For(company);
        return await scope.Get<EditCustomer>().RunAsync(customer, changes, "admin-a", default);
    }

    private async Task<MergeOutcome> MergeAsync(Guid company, Guid kept, Guid duplicate)
    {
        await using var scope = _engine.For(company);
        return await scope.Get<MergeCustomers>().RunAsync(kept, duplicate, "admin-a", default);
    }

    private async Task<Guid> AddCustomerAsync(Guid company, string name, string? phone, string? email)
    {
        await using var db = _database.Platform();
        var customer = new Customer { CompanyId = company, Name = name, Phone = phone is null ? null : E164Number.Parse(phone), Email = email };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    private async Task AssertUnchangedAsync()
    {
        await using var db = _database.Platform();
        var stored = await db.Customers.SingleAsync(c => c.Id == _a.Customer.Id);
        Assert.Equal(("Lena Müller", "+4915112345678", null, "", "de"), (stored.Name, stored.Phone!.Value, stored.Email, stored.Notes, stored.Language));
        Assert.False(await db.AuditEntries.AnyAsync(x => x.Action == "customer.edit"));
    }
}
