using AskPro.Core.Access;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Operations;
using AskPro.Core.Scheduling;
using AskPro.Core.Telephony;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Persistence;

public abstract partial class AskProDbContext
{
    private static void ConfigureDirectory(ModelBuilder b)
    {
        b.Entity<Company>(e =>
        {
            e.HasIndex(c => c.TenantKey).IsUnique();
            e.Property(c => c.TenantKey).HasMaxLength(64);
            e.Property(c => c.CountryCode).HasMaxLength(2);
            e.Property(c => c.TimeZoneId).HasMaxLength(64);
            e.Property(c => c.Language).HasMaxLength(8).HasDefaultValue("de");
            e.Property(c => c.OnboardingStep).HasMaxLength(32);
        });

        // Weekly hours, closures and absences are read and written whole, with their branch or staff
        // member: a JSON column each, on both providers.
        b.Entity<Branch>(e =>
        {
            e.HasIndex(x => x.CompanyId);
            e.ComplexCollection(x => x.OpeningHours, c => c.ToJson());
            e.ComplexCollection(x => x.Closures, c => c.ToJson());
            e.Property(x => x.CountryCode).HasMaxLength(2);
            e.Property(x => x.Region).HasMaxLength(6);
            e.Ignore(x => x.RegionOrCountry);
        });

        b.Entity<Staff>(e =>
        {
            e.HasIndex(x => new { x.CompanyId, x.BranchId });
            e.HasOne(x => x.Branch).WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
            e.ComplexCollection(x => x.WorkingHours, c => c.ToJson());
            e.ComplexCollection(x => x.Absences, c => c.ToJson());
            e.HasMany(x => x.Services).WithMany(x => x.Staff).UsingEntity(j => j.ToTable("StaffServices"));
        });

        b.Entity<Service>(e =>
        {
            e.HasIndex(x => x.CompanyId);
            e.HasIndex(x => new { x.CompanyId, x.CalComEventTypeId });
        });

        b.Entity<PhoneNumber>(e =>
        {
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.SipTerminationUri).HasMaxLength(256);
            e.HasOne(x => x.Branch).WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Customer>(e =>
        {
            e.HasIndex(x => new { x.CompanyId, x.Phone }).IsUnique();
            // The tenant filter reads "(@platform OR CompanyId = @tenant)", which keeps SQLite
            // from seeking on the CompanyId-led index above: a caller is looked up by number on
            // every new call, so the number has its own index.
            e.HasIndex(x => x.Phone);
            e.HasIndex(x => new { x.CompanyId, x.Name });
            e.Property(x => x.Notes).HasMaxLength(Customer.MaxNotesLength);
            e.Property(x => x.Language).HasMaxLength(2);
        });

        b.Entity<Core.Calendars.CalComSettings>(e =>
        {
            e.HasIndex(x => x.CompanyId).IsUnique();
            e.Property(x => x.ApiKeyProtected).HasMaxLength(2000);
        });
        b.Entity<Core.Calendars.CalComStaffEventType>(e => e.HasIndex(x => new { x.CompanyId, x.StaffId, x.ServiceId }).IsUnique());

        b.Entity<ApiKey>(e =>
        {
            e.HasIndex(x => x.Hash).IsUnique();
            e.Property(x => x.Hash).HasMaxLength(64);
        });
        b.Entity<IdempotentRequest>(e =>
        {
            e.HasIndex(x => new { x.CompanyId, x.Key }).IsUnique();
            e.HasIndex(x => x.CreatedAt); // the cleanup job drops expired answers
            e.Property(x => x.Key).HasMaxLength(IdempotentRequest.MaxKeyLength);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Location).HasMaxLength(300);
            e.Property(x => x.Body).HasMaxLength(64_000);
        });

        b.Entity<Core.CustomerPortal.CustomerSignInLink>(e =>
        {
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => new { x.CompanyId, x.CustomerId });
            e.Property(x => x.TokenHash).HasMaxLength(64);
        });
    }

    private static void ConfigureScheduling(ModelBuilder b)
    {
        b.Entity<Appointment>(e =>
        {
            e.HasIndex(x => new { x.CompanyId, x.StartUtc });
            e.HasIndex(x => new { x.StaffId, x.StartUtc });
            e.HasIndex(x => new { x.CompanyId, x.CustomerId });
            e.HasIndex(x => new { x.CustomerId, x.StartUtc }); // a caller's upcoming appointments, on every call (see the Customers index on Phone)
            e.HasIndex(x => new { x.CompanyId, x.ExternalUid });
            e.HasIndex(x => new { x.CompanyId, x.CallId }); // idempotent bookings look up by call
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.CancellationReason).HasMaxLength(1000);
        });

        b.Entity<SlotHold>(e =>
        {
            // Two calls can never hold the same staff time; expired rows are removed first.
            e.HasIndex(x => new { x.StaffId, x.GranuleStartUtc }).IsUnique();
            e.HasIndex(x => x.CallId);
            e.HasIndex(x => x.ExpiresAtUtc);
            e.HasIndex(x => new { x.CompanyId, x.GranuleStartUtc }); // other callers' holds in a time range
            e.Property(x => x.CallId).HasMaxLength(128);
        });

        b.Entity<SlotClaim>(e =>
        {
            // The no-double-booking invariant lives in this one index.
            e.HasIndex(x => new { x.StaffId, x.GranuleStartUtc }).IsUnique();
            e.HasIndex(x => x.AppointmentId);
        });
    }

    private static void ConfigureTelephonyAndOperations(ModelBuilder b)
    {
        b.Entity<Call>(e =>
        {
            e.HasIndex(x => x.RetellCallId).IsUnique();
            e.HasIndex(x => new { x.CompanyId, x.StartedAt });
            e.Property(x => x.RetellCallId).HasMaxLength(128);
            e.Property(x => x.Transcript).HasMaxLength(1_000_000);
            e.Property(x => x.Summary).HasMaxLength(8000);
            e.Property(x => x.RecordingUrl).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        b.Entity<FunctionInvocation>(e =>
        {
            e.HasIndex(x => new { x.CompanyId, x.CallId, x.At });
            e.Property(x => x.ArgumentsMasked).HasMaxLength(4000);
            e.Property(x => x.Message).HasMaxLength(2000);
        });
        b.Entity<CallbackRequest>(e => e.HasIndex(x => new { x.CompanyId, x.Status }));

        // One agent per branch, held by the database: two provisioning runs at once cannot both
        // create one.
        b.Entity<Core.Telephony.Provisioning.VoiceAgent>(e =>
        {
            e.HasIndex(x => x.BranchId).IsUnique();
            e.HasIndex(x => x.CompanyId);
            e.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.LlmId).HasMaxLength(128);
            e.Property(x => x.AgentId).HasMaxLength(128);
            e.Property(x => x.ScriptFingerprint).HasMaxLength(64);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Ignore(x => x.IsProvisioned);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.HasIndex(x => new { x.CompanyId, x.At });
            e.Property(x => x.Details).HasMaxLength(4000);
        });
        b.Entity<JobRun>(e =>
        {
            e.HasIndex(x => new { x.Job, x.StartedAt });
            e.Property(x => x.Message).HasMaxLength(4000);
        });
        b.Entity<Core.Webhooks.InboxItem>(e =>
        {
            e.ToTable("Inbox");
            // The final word on duplicates, with or without Redis.
            e.HasIndex(x => new { x.Provider, x.EventKey }).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => new { x.CompanyId, x.ReceivedAt });
            e.Property(x => x.Provider).HasMaxLength(16);
            e.Property(x => x.EventKey).HasMaxLength(300);
            e.Property(x => x.EventType).HasMaxLength(64);
            e.Property(x => x.Payload).HasMaxLength(8 * 1024 * 1024);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.Property(x => x.CorrelationId).HasMaxLength(64);
            e.Property(x => x.LeaseOwner).HasMaxLength(100);
        });
        b.Entity<Events.OutboxMessage>(e =>
        {
            e.ToTable("Outbox");
            // One delivery per event and subscriber, whatever happens.
            e.HasIndex(x => new { x.EventId, x.Subscriber }).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => new { x.CompanyId, x.CreatedAt });
            e.Property(x => x.EventType).HasMaxLength(64);
            e.Property(x => x.Subscriber).HasMaxLength(64);
            e.Property(x => x.Payload).HasMaxLength(16_000);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.Property(x => x.LeaseOwner).HasMaxLength(100);
        });
        b.Entity<Core.Notifications.CustomerMessage>(e =>
        {
            // A message exists once: one confirmation per appointment, one reminder per start, one notice per change.
            e.HasIndex(x => new { x.CompanyId, x.Key }).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => new { x.CompanyId, x.CustomerId, x.CreatedAt });
            e.Property(x => x.Key).HasMaxLength(160);
            e.Property(x => x.Recipient).HasMaxLength(320);
            e.Property(x => x.Subject).HasMaxLength(400);
            e.Property(x => x.Text).HasMaxLength(8000);
            e.Property(x => x.ProviderMessageId).HasMaxLength(128);
            e.Property(x => x.SkippedBecause).HasMaxLength(200);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.Property(x => x.LeaseOwner).HasMaxLength(100);
        });
        b.Entity<Core.Notifications.MessageTemplate>(e =>
        {
            e.HasIndex(x => new { x.CompanyId, x.Kind, x.Channel, x.Language }).IsUnique();
            e.Property(x => x.Language).HasMaxLength(2);
            e.Property(x => x.Body).HasMaxLength(4000);
        });
        b.Entity<Core.Waitlist.WaitlistEntry>(e =>
        {
            e.HasIndex(x => new { x.CompanyId, x.ServiceId, x.Status, x.CreatedAt }); // who waits for a freed slot, oldest first
            e.HasIndex(x => new { x.CompanyId, x.CustomerId });
        });
        b.Entity<Core.Waitlist.WaitlistOffer>(e =>
        {
            // A freed slot is offered to an entry once, however often it is freed.
            e.HasIndex(x => new { x.EntryId, x.StaffId, x.StartUtc }).IsUnique();
            e.HasIndex(x => new { x.CompanyId, x.CreatedAt });
        });
        b.Entity<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>(e => e.Property(x => x.Xml).HasMaxLength(100_000));
    }
}
