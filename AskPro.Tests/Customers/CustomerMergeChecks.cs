using AskPro.Core.Customers;
using AskPro.Core.Customers.MergeCustomers;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Portal;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AskPro.Tests.Customers;

/// <summary>A merge leaves nothing pointing at the deleted duplicate: every table with a customer
/// reference, read from the EF model (not listed by hand), has its rows re-pointed to the kept
/// record, none lost. A new table with a <c>CustomerId</c> fails here until the merge (and the
/// test world) know it.</summary>
public static class CustomerMergeChecks
{
    public static async Task Merging_re_points_every_row_that_references_the_duplicate(TestDatabase database)
    {
        var (a, b) = await TenantWorld.CreateAsync(database);
        var kept = new Customer { CompanyId = a.Company.Id, Name = "L. Müller", Email = "lena@example.org" };
        await using (var db = database.Platform())
        {
            db.Customers.Add(kept);
            await db.CallbackRequests.Where(x => x.Id == a.Callback.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, a.Customer.Id));
            await db.CallbackRequests.Where(x => x.Id == b.Callback.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, b.Customer.Id));
            await db.SaveChangesAsync();
        }

        await using var read = database.Platform();
        var references = CustomerReferences(read.Model);
        Assert.Contains(references, r => r.Property.DeclaringType.ClrType == typeof(Core.CustomerPortal.CustomerSignInLink));
        Assert.Contains(references, r => r.Property.DeclaringType.ClrType == typeof(Core.Waitlist.WaitlistEntry));
        var before = new Dictionary<string, (int Duplicate, int Kept)>();
        foreach (var reference in references)
        {
            var name = $"{reference.Entity.ClrType.Name}.{reference.Property.Name}";
            var counts = (await CountAsync(database, reference, a.Customer.Id), await CountAsync(database, reference, kept.Id));
            // Without a row the merge would be tested on nothing: the world must hold one.
            Assert.True(counts.Item1 > 0, $"{name}: TenantWorld has no row of the duplicate; add one so the merge is tested on it.");
            before[name] = counts;
        }

        await using (var engine = BookingEngine.For(database, configure: s => s.AddAskProPortal()))
        await using (var scope = engine.For(a.Company.Id))
            Assert.IsType<MergeOutcome.Merged>(await scope.Get<MergeCustomers>().RunAsync(kept.Id, a.Customer.Id, "admin-a", default));

        foreach (var reference in references)
        {
            var name = $"{reference.Entity.ClrType.Name}.{reference.Property.Name}";
            Assert.True(await CountAsync(database, reference, a.Customer.Id) == 0, $"{name} still points at the deleted duplicate.");
            Assert.True(await CountAsync(database, reference, kept.Id) == before[name].Duplicate + before[name].Kept, $"{name}: rows were lost instead of re-pointed.");
        }
        // The other company's look-alike keeps everything.
        foreach (var reference in references)
            Assert.True(await CountAsync(database, reference, b.Customer.Id) > 0, $"{reference.Entity.ClrType.Name} of the other company was touched.");
    }

    public sealed record Reference(IEntityType Entity, IProperty Property);

    /// <summary>Every mapped column that names a customer: a foreign key to <see cref="Customer"/> or a property called CustomerId.</summary>
    public static IReadOnlyList<Reference> CustomerReferences(IModel model) =>
        [.. model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.GetTableName() is not null && t.ClrType != typeof(Customer))
            .SelectMany(t => t.GetProperties()
                .Where(p => p.Name == "CustomerId" || p.GetContainingForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(Customer)))
                .Select(p => new Reference(t, p)))];

    private static Task<int> CountAsync(TestDatabase database, Reference reference, Guid customerId)
    {
        var method = typeof(CustomerMergeChecks).GetMethod(reference.Property.ClrType == typeof(Guid) ? nameof(CountRequiredAsync) : nameof(CountOptionalAsync),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(reference.Entity.ClrType);
        return (Task<int>)method.Invoke(null, [database, reference.Property.Name, customerId])!;
    }

    private static async Task<int> CountRequiredAsync<T>(TestDatabase database, string property, Guid id) where T : class
    {
        await using var db = database.Platform();
        return await db.Set<T>().IgnoreQueryFilters().CountAsync(e => EF.Property<Guid>(e, property) == id);
    }

    private static async Task<int> CountOptionalAsync<T>(TestDatabase database, string property, Guid id) where T : class
    {
        await using var db = database.Platform();
        return await db.Set<T>().IgnoreQueryFilters().CountAsync(e => EF.Property<Guid?>(e, property) == id);
    }
}

public sealed class SqliteCustomerMergeTests
{
    [Fact]
    public async Task Merging_re_points_every_row_that_references_the_duplicate()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CustomerMergeChecks.Merging_re_points_every_row_that_references_the_duplicate(db);
    }
}

public sealed class PostgresCustomerMergeTests
{
    [PostgresFact]
    public async Task Merging_re_points_every_row_that_references_the_duplicate()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await CustomerMergeChecks.Merging_re_points_every_row_that_references_the_duplicate(db);
    }
}
