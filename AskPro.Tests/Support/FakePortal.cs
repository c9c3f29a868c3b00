using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Portal;

namespace AskPro.Tests.Support;

/// <summary>Query services as the pages see them, answering what the test arranges — or
/// failing, when <see cref="Fail"/> is set, the way a lost database would.</summary>
public sealed class FakePortal : IDashboardQueries, IAppointmentQueries, ICallQueries, ICustomerQueries, ICompanyQueries, IApiKeyQueries, AskPro.Core.Onboarding.IOnboardingStore
{
    /// <summary>The company as the onboarding wizard (and the dashboard's "still in set-up?") reads it: live.</summary>
    public AskPro.Core.Onboarding.CompanySetup Setup { get; set; } = new("Salon Sonnenschein", "friseur", "DE", "Europe/Berlin", "de", AskPro.Core.Directory.CompanyStatus.Active, "");

    Task<AskPro.Core.Onboarding.CompanySetup?> AskPro.Core.Onboarding.IOnboardingStore.CurrentAsync(CancellationToken ct) => Task.FromResult<AskPro.Core.Onboarding.CompanySetup?>(Setup);

    Task<AskPro.Core.Directory.DirectoryOutcome> AskPro.Core.Onboarding.IOnboardingStore.SaveCompanyAsync(Func<AskPro.Core.Directory.Company, IReadOnlyList<AskPro.Core.Directory.FieldError>> change,
        AskPro.Core.Operations.AuditEntry audit, CancellationToken ct) => throw new NotSupportedException("The portal page tests do not save companies.");

    Task AskPro.Core.Onboarding.IOnboardingStore.SetStepAsync(string step, CancellationToken ct) => throw new NotSupportedException("The portal page tests do not move the wizard.");

    public bool Fail { get; set; }
    public CompanyProfile? Company { get; set; } = new(Guid.NewGuid(), "Salon Sonnenschein", "Europe/Berlin", "DE");
    public DashboardSummary Summary { get; set; } = new(0, 0, 0, 0, [], [], [], []);
    public List<AppointmentRow> Appointments { get; } = [];
    public List<CallRow> Calls { get; } = [];
    public Dictionary<Guid, CallDetail> CallDetails { get; } = [];
    public List<CustomerRow> Customers { get; } = [];
    public List<ApiKeyRow> Keys { get; } = [];

    /// <summary>The last question each list was asked, to check how the grid's state arrived.</summary>
    public AppointmentQuery? LastAppointmentQuery { get; private set; }
    public CustomerQuery? LastCustomerQuery { get; private set; }

    private Task<T> Answer<T>(T value) => Fail ? Task.FromException<T>(new InvalidOperationException("database gone")) : Task.FromResult(value);

    public Task<DashboardSummary> SummaryAsync(CancellationToken ct) => Answer(Summary);

    public Task<PageOf<AppointmentRow>> PageAsync(AppointmentQuery query, CancellationToken ct)
    {
        LastAppointmentQuery = query;
        return Answer(new PageOf<AppointmentRow>(Appointments.Skip(query.Page.Skip).Take(query.Page.Take).ToList(), Appointments.Count));
    }

    public Task<PageOf<CallRow>> PageAsync(CallQuery query, CancellationToken ct) =>
        Answer(new PageOf<CallRow>(Calls.Skip(query.Page.Skip).Take(query.Page.Take).ToList(), Calls.Count));

    public Task<CallDetail?> DetailAsync(Guid id, CancellationToken ct) => Answer(CallDetails.GetValueOrDefault(id));

    public Task<PageOf<CustomerRow>> PageAsync(CustomerQuery query, CancellationToken ct)
    {
        LastCustomerQuery = query;
        var rows = Customers.Where(c => query.Search is not { Length: > 0 } s || c.Name.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
        return Answer(new PageOf<CustomerRow>(rows.Skip(query.Page.Skip).Take(query.Page.Take).ToList(), rows.Count));
    }

    public Task<CompanyProfile?> CurrentAsync(CancellationToken ct) => Answer(Company);

    public Task<IReadOnlyList<CompanyRow>> AllAsync(CancellationToken ct) => Answer<IReadOnlyList<CompanyRow>>([]);

    public Task<IReadOnlyList<string>> AgentNumbersAsync(CancellationToken ct) => Answer<IReadOnlyList<string>>(["+493055501000"]);

    public Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken ct) => Answer<IReadOnlyList<ApiKeyRow>>(Keys);
}
