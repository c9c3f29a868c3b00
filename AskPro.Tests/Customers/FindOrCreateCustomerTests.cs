using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Customers;

/// <summary>The one customer rule set, fast, against an in-memory store: by number, else by
/// e-mail, else created; bad input refused with nothing stored.</summary>
public sealed class FindOrCreateCustomerTests
{
    private readonly InMemoryCustomers _store = new();
    private FindOrCreateCustomer Customers => new(_store, new FixedClock(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Any_spelling_of_a_known_number_finds_the_customer_and_changes_nothing()
    {
        var known = _store.Add("Jonas Becker", "+491711234567", null);
        var outcome = await Customers.RunAsync(new CustomerContact("Jemand Anderes", "(0171) 123 45 67", "neu@example.org"), default);
        Assert.Equal(new CustomerOutcome.Found(known, CustomerMatch.Phone), outcome);
        Assert.Single(_store.All);
    }

    [Fact]
    public async Task Without_a_matching_number_the_email_finds_the_customer()
    {
        var known = _store.Add("Mia Schulz", null, "mia@example.org");
        var outcome = await Customers.RunAsync(new CustomerContact("Mia Schulz", "0176 99999999", "mia@example.org"), default);
        Assert.Equal(new CustomerOutcome.Found(known, CustomerMatch.Email), outcome);
    }

    [Fact]
    public async Task A_new_contact_is_created_with_its_number_as_E164_and_a_trimmed_name()
    {
        var outcome = await Customers.RunAsync(new CustomerContact("  Lena Lustig ", "0176 12345678", " lena@example.org "), default);
        var created = Assert.IsType<CustomerOutcome.Created>(outcome).Customer;
        Assert.Equal(("Lena Lustig", "+4917612345678", "lena@example.org"), (created.Name, created.Phone!.Value, created.Email));
        Assert.Same(created, Assert.Single(_store.All));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", null, null, "name")]
    [InlineData("L", null, null, "name")]
    [InlineData("Lena 😀", null, null, "name")]
    [InlineData("Lena Lustig", "0176 1234<script>", null, "phone")]
    [InlineData("Lena Lustig", null, "kein-at-zeichen", "email")]
    [InlineData("Lena Lustig", null, "Lena <lena@example.org>", "email")]
    public async Task Bad_input_is_refused_with_the_field_and_nothing_is_stored(string name, string? phone, string? email, string field)
    {
        var outcome = await Customers.RunAsync(new CustomerContact(name, phone, email), default);
        Assert.Equal(field, Assert.IsType<CustomerOutcome.Invalid>(outcome).Field);
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task An_unknown_contact_without_a_name_is_asked_for_one()
    {
        Assert.IsType<CustomerOutcome.NameNeeded>(await Customers.RunAsync(new CustomerContact(null, "0176 12345678", null), default));
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task Twenty_requests_for_one_new_number_at_once_make_one_customer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (salon, _) = await TenantWorld.CreateAsync(database);
        await using var engine = BookingEngine.For(database);
        using var gate = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 20).Select(async i =>
        {
            await gate.WaitAsync();
            await using var scope = engine.For(salon.Company.Id);
            return await scope.Get<FindOrCreateCustomer>().RunAsync(new CustomerContact($"Anrufer {i}", "+4915799990000", null, Region: "DE"), default);
        }).ToList();
        gate.Release(20);
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes.OfType<CustomerOutcome.Created>());
        Assert.Single(outcomes.Select(o => o.Resolved!.Id).Distinct());
        await using var check = database.For(salon.Company.Id);
        Assert.Equal(1, await check.Customers.CountAsync(c => c.Phone == E164Number.Parse("+4915799990000")));
    }

    private sealed class InMemoryCustomers : ICustomerStore
    {
        public List<Customer> All { get; } = [];

        public Customer Add(string name, string? phone, string? email)
        {
            var customer = new Customer { Name = name, Phone = phone is null ? null : E164Number.Parse(phone), Email = email };
            All.Add(customer);
            return customer;
        }

        public Task<string> CompanyCountryAsync(CancellationToken ct) => Task.FromResult("DE");
        public Task<Customer?> FindByPhoneAsync(E164Number phone, CancellationToken ct) => Task.FromResult(All.FirstOrDefault(c => c.Phone == phone));
        public Task<Customer?> FindByEmailAsync(string email, CancellationToken ct) => Task.FromResult(All.FirstOrDefault(c => c.Email == email));

        public Task<bool> TryAddAsync(Customer customer, string actor, CancellationToken ct)
        {
            All.Add(customer);
            return Task.FromResult(true);
        }
    }
}
