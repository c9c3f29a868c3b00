using AskPro.Core.Access;
using AskPro.Core.Calendars;
using AskPro.Core.CustomerPortal;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Notifications;
using AskPro.Core.Operations;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Telephony.Provisioning;
using AskPro.Core.Waitlist;

namespace AskPro.Tests.Support;

/// <summary>One company's worth of realistic data: a salon with a branch, hours, a stylist, a
/// service, a number, a customer, an appointment, a call, a callback, an audit entry, a key.</summary>
public sealed class SalonData
{
    public required Company Company { get; init; }
    public required Branch Branch { get; init; }
    public required Staff Staff { get; init; }
    public required Service Service { get; init; }
    public required PhoneNumber Number { get; init; }
    public required Customer Customer { get; init; }
    public required Appointment Appointment { get; init; }
    public required SlotClaim Claim { get; init; }
    public required Call Call { get; init; }
    public required CallbackRequest Callback { get; init; }
    public required AuditEntry Audit { get; init; }
    public required ApiKey ApiKey { get; init; }
    public required IdempotentRequest Idempotent { get; init; }
    public required SlotHold Hold { get; init; }
    public required FunctionInvocation Invocation { get; init; }
    public required CustomerMessage Message { get; init; }
    public required MessageTemplate Template { get; init; }
    public required CalComSettings CalCom { get; init; }
    public required CalComStaffEventType StaffEventType { get; init; }
    public required VoiceAgent Agent { get; init; }
    public required WaitlistEntry WaitlistEntry { get; init; }
    public required WaitlistOffer WaitlistOffer { get; init; }
    public required CustomerSignInLink SignInLink { get; init; }

    /// <summary>Every tenant-owned row of this company, by entity type.</summary>
    public IReadOnlyDictionary<Type, Entity> Rows => new Dictionary<Type, Entity>
    {
        [typeof(Branch)] = Branch, [typeof(Staff)] = Staff, [typeof(Service)] = Service, [typeof(PhoneNumber)] = Number,
        [typeof(Customer)] = Customer, [typeof(Appointment)] = Appointment, [typeof(SlotClaim)] = Claim, [typeof(Call)] = Call,
        [typeof(CallbackRequest)] = Callback, [typeof(AuditEntry)] = Audit, [typeof(ApiKey)] = ApiKey, [typeof(IdempotentRequest)] = Idempotent,
        [typeof(SlotHold)] = Hold, [typeof(FunctionInvocation)] = Invocation,
        [typeof(CustomerMessage)] = Message, [typeof(MessageTemplate)] = Template, [typeof(CalComSettings)] = CalCom,
        [typeof(CalComStaffEventType)] = StaffEventType,
        [typeof(VoiceAgent)] = Agent,
        [typeof(WaitlistEntry)] = WaitlistEntry, [typeof(WaitlistOffer)] = WaitlistOffer,
        [typeof(CustomerSignInLink)] = SignInLink,
    };
}

/// <summary>Two companies with identical data (but for the numbers, which are unique across the
/// installation), so that any leak between them is visible.</summary>
public static class TenantWorld
{
    public static readonly DateTime Monday10Utc = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc); // 10:00 in Berlin

    public static async Task<(SalonData A, SalonData B)> CreateAsync(TestDatabase database)
    {
        await using var db = database.Platform();
        var a = Salon("salon-a", "+493055500001", "+4915112345678");
        var b = Salon("salon-b", "+493055500002", "+4915112345678"); // same customer number: unique per company only
        foreach (var salon in new[] { a, b })
        {
            db.Companies.Add(salon.Company);
            db.AddRange(salon.Rows.Values);
        }
        await db.SaveChangesAsync();
        return (a, b);
    }

    public static SalonData Salon(string key, string number, string customerPhone)
    {
        var company = new Company { Name = "Salon " + key, TenantKey = key, Status = CompanyStatus.Active };
        var c = company.Id;
        var branch = new Branch
        {
            CompanyId = c, Name = "Mitte", City = "Berlin", Phone = E164Number.Parse(number),
            OpeningHours = [WeeklyInterval.Of(DayOfWeek.Monday, "09:00", "12:00"), WeeklyInterval.Of(DayOfWeek.Monday, "13:00", "18:00")],
        };
        var service = new Service { CompanyId = c, Name = "Herrenhaarschnitt", DurationMinutes = 30, Price = Money.FromCents(2900), BufferMinutes = 10 };
        var staff = new Staff { CompanyId = c, Name = "Anna", BranchId = branch.Id, Services = [service] };
        var customer = new Customer { CompanyId = c, Name = "Lena Müller", Phone = E164Number.Parse(customerPhone) };
        var appointment = new Appointment
        {
            CompanyId = c, BranchId = branch.Id, StaffId = staff.Id, ServiceId = service.Id, CustomerId = customer.Id,
            StartUtc = Monday10Utc, EndUtc = Monday10Utc.AddMinutes(30), Source = AppointmentSource.Phone,
        };
        // Waiting for a day long past: in no test's way.
        var waiting = new WaitlistEntry
        {
            CompanyId = c, CustomerId = customer.Id, BranchId = branch.Id, ServiceId = service.Id, FromDay = new DateOnly(2026, 11, 23),
            ToDay = new DateOnly(2026, 11, 23), Source = AppointmentSource.Online, CreatedAt = Monday10Utc,
        };
        var call = new Call { CompanyId = c, RetellCallId = "call_" + key, ToNumber = E164Number.Parse(number), FromNumber = customer.Phone, CustomerId = customer.Id };
        return new SalonData
        {
            Company = company, Branch = branch, Staff = staff, Service = service, Customer = customer, Appointment = appointment,
            Number = new PhoneNumber { CompanyId = c, BranchId = branch.Id, Number = E164Number.Parse(number) },
            Claim = new SlotClaim { CompanyId = c, StaffId = staff.Id, GranuleStartUtc = Monday10Utc, AppointmentId = appointment.Id },
            Call = call,
            Callback = new CallbackRequest { CompanyId = c, Name = "Lena Müller", Phone = customer.Phone, Reason = "Rückruf" },
            Audit = new AuditEntry { CompanyId = c, Actor = "test", Action = "seed", EntityType = "Company" },
            ApiKey = new ApiKey { CompanyId = c, Name = "k", Prefix = "ak_" + key[..4], Hash = ApiKey.HashOf("key-" + key) },
            Idempotent = new IdempotentRequest { CompanyId = c, Key = "same-key", Fingerprint = "f", CreatedAt = Monday10Utc, StatusCode = 201, Body = "{}" }, // same key in both: unique per company only
            Hold = new SlotHold { CompanyId = c, StaffId = staff.Id, GranuleStartUtc = Monday10Utc.AddYears(1), CallId = call.RetellCallId, ExpiresAtUtc = Monday10Utc }, // long expired, a year away: in no test's way
            Invocation = new FunctionInvocation { CompanyId = c, CallId = call.Id, Name = "check_availability", Status = "ok", Success = true, At = Monday10Utc },
            // Already sent (so a test's sender never picks it up).
            Message = new CustomerMessage
            {
                CompanyId = c, Key = "seed:" + key, CustomerId = customer.Id, AppointmentId = appointment.Id, Kind = MessageKind.Confirmation,
                Channel = MessageChannel.Sms, AppointmentStartUtc = Monday10Utc, Status = Core.Webhooks.InboxStatus.Processed, Recipient = customerPhone,
            },
            Template = new MessageTemplate { CompanyId = c, Kind = MessageKind.Reminder, Channel = MessageChannel.Sms, Body = "{firma}: bis {datum}" },
            CalCom = new CalComSettings { CompanyId = c, ApiKeyProtected = "protected-" + key },
            StaffEventType = new CalComStaffEventType { CompanyId = c, StaffId = staff.Id, ServiceId = service.Id, EventTypeId = 4711 },
            Agent = new VoiceAgent { CompanyId = c, BranchId = branch.Id, LlmId = "llm_" + key, AgentId = "agent_" + key, ProvisionedAt = Monday10Utc },
            WaitlistEntry = waiting,
            WaitlistOffer = new WaitlistOffer { CompanyId = c, EntryId = waiting.Id, StaffId = staff.Id, StartUtc = Monday10Utc, CreatedAt = Monday10Utc, ExpiresAt = Monday10Utc },
            SignInLink = new CustomerSignInLink
            {
                CompanyId = c, CustomerId = customer.Id, TokenHash = CustomerSignInLink.HashOf("link-" + key), AppointmentId = appointment.Id,
                CreatedAtUtc = Monday10Utc, ExpiresAtUtc = Monday10Utc.Add(CustomerSignInLink.Lifetime),
            },
        };
    }
}
