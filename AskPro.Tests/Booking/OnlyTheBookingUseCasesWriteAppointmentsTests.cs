using System.Text.RegularExpressions;

namespace AskPro.Tests.Booking;

/// <summary>No channel writes an appointment or a slot claim except through Book, Reschedule and
/// Cancel: the source of Core, Infrastructure and Web is scanned for every way EF or SQL can
/// write those tables, and only the booking use cases and their store may.</summary>
public sealed partial class OnlyTheBookingUseCasesWriteAppointmentsTests
{
    /// <summary>Where writes are allowed, and why.</summary>
    private static readonly (string Path, string Why)[] Allowed =
    [
        ("AskPro.Core/Booking/", "the use cases themselves"),
        ("AskPro.Infrastructure/Booking/AppointmentStore.cs", "the store Book, Reschedule and Cancel write through"),
        ("AskPro.Infrastructure/Customers/CustomerDataStore.cs", "GDPR erasure blanks the free-text cancellation reason; the booking itself is not changed"),
        ("AskPro.Infrastructure/Customers/CustomerDataStore.Changes.cs", "merging two records of one person points their appointments to the kept record; time, staff and claims stay"),
        ("AskPro.Web/Demo/", "demo seeding records how past appointments went (no use case records outcomes yet)"),
    ];

    [GeneratedRegex(@"\b(Appointments|SlotClaims)\s*\.\s*(Add|AddRange|Update|UpdateRange|Remove|RemoveRange|Attach|AttachRange)\s*\(")]
    private static partial Regex TrackedWrite();

    [GeneratedRegex(@"\b(Appointments|SlotClaims)\b[^;]*?\.(ExecuteUpdate|ExecuteDelete)(Async)?\s*\(", RegexOptions.Singleline)]
    private static partial Regex BulkWrite();

    [GeneratedRegex(@"(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+""?(Appointments|SlotClaims)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqlWrite();

    [GeneratedRegex(@"\.\s*Status\s*=\s*AppointmentStatus\.")]
    private static partial Regex StatusChange();

    private static readonly Regex[] Writes = [TrackedWrite(), BulkWrite(), SqlWrite(), StatusChange()];

    [Fact]
    public void Only_Book_Reschedule_and_Cancel_write_appointments_and_slot_claims()
    {
        var writers = SourceFiles()
            .Where(f => !Allowed.Any(a => f.Relative.StartsWith(a.Path, StringComparison.Ordinal)))
            .SelectMany(f => Writes.SelectMany(w => w.Matches(f.Text)).Select(m => $"{f.Relative}: {m.Value.Trim()}"))
            .ToList();
        Assert.True(writers.Count == 0, "Appointments or slot claims written outside the booking use cases:\n" + string.Join("\n", writers));
    }

    [Fact]
    public void The_scan_sees_the_stores_own_writes()
    {
        // The scan can fail: the allowed store's writes are found by the same patterns.
        var store = SourceFiles().Single(f => f.Relative == "AskPro.Infrastructure/Booking/AppointmentStore.cs");
        Assert.Matches(TrackedWrite(), store.Text);
        Assert.Matches(BulkWrite(), store.Text);
        Assert.Matches(SqlWrite(), """INSERT INTO "SlotClaims" ("Id") VALUES (1)""");
        Assert.Matches(StatusChange(), "appointment.Status = AppointmentStatus.Cancelled;");
    }

    private static IEnumerable<(string Relative, string Text)> SourceFiles()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "AskPro.sln"))) root = root.Parent ?? throw new DirectoryNotFoundException("AskPro.sln not found above the test binaries.");
        foreach (var project in new[] { "AskPro.Core", "AskPro.Infrastructure", "AskPro.Web" })
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root.FullName, project), "*.*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root.FullName, file).Replace('\\', '/');
            if (relative.Contains("/bin/") || relative.Contains("/obj/") || relative.Contains("/Migrations/")) continue;
            if (file.EndsWith(".cs") || file.EndsWith(".razor")) yield return (relative, File.ReadAllText(file));
        }
    }
}
