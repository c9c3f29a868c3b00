using AskPro.Core.CustomerPortal;
using AskPro.Core.CustomerPortal.RequestSignInLink;
using AskPro.Core.Customers.EraseCustomer;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.CustomerPortal;
using AskPro.Infrastructure.OnlineBooking;
using AskPro.Web.CustomerPortal;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AskPro.Web.Components.Pages.CustomerPortal;

public sealed partial class CustomerPortalPage
{
    [Inject] private PublicCompanies Companies { get; set; } = default!;
    [Inject] private CustomerPortalCalls Portal { get; set; } = default!;
    [Inject] private SignInLinkLimits Limits { get; set; } = default!;
    [Inject] private IHttpContextAccessor Http { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<CustomerPortalPage> Log { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "company")] public string? CompanyKey { get; set; }
    /// <summary>Read as text: a mangled link must open the portal normally, not fail the page.</summary>
    [SupplyParameterFromQuery(Name = "appointment")] public string? AppointmentParameter { get; set; }
    private Guid? AppointmentId => Guid.TryParse(AppointmentParameter, out var id) ? id : null;
    [SupplyParameterFromQuery(Name = "link")] public string? Link { get; set; }
    [SupplyParameterFromQuery(Name = "erased")] public string? Erased { get; set; }

    private PublicCompany? _company;
    private CustomerSession? _session;
    private PortalView? _view;
    private bool _loaded, _busy, _erasing, _signInError;
    private string? _address, _signInMessage, _notice, _ip;
    private Severity _noticeSeverity = Severity.Success;
    private Guid? _cancelling;
    private PortalAppointment? _moving;
    private IReadOnlyList<DateOnly> _moveDays = [];
    private DateOnly? _moveDay;
    private IReadOnlyList<Slot> _moveSlots = [];
    private IReadOnlyList<Slot> _alternatives = [];

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;
    private IReadOnlyList<PortalAppointment> Upcoming => _view?.Appointments.Where(a => a.IsUpcoming(Now)).OrderBy(a => a.StartUtc).ToList() ?? [];
    private IReadOnlyList<PortalAppointment> Past => _view?.Appointments.Where(a => !a.IsUpcoming(Now)).ToList() ?? [];
    private bool CanChange(PortalAppointment a) => Now < a.ChangeableUntilUtc;

    /// <summary>The customer signed in, read from the cookie while the page is first rendered
    /// on the server and carried into the interactive circuit (Blazor protects persisted state
    /// with Data Protection). The circuit itself must not authenticate: its connection's response
    /// has started, and the cookie handler cannot register its response hooks any more.</summary>
    [PersistentState] public SignedInCustomer? SignedIn { get; set; }

    public sealed record SignedInCustomer(Guid Company, Guid Customer);

    protected override async Task OnParametersSetAsync()
    {
        var http = Http.HttpContext;
        _ip ??= http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (SignedIn is null && http is { Response.HasStarted: false } && await CustomerPortalAuth.SessionAsync(http) is { } signedIn)
            SignedIn = new SignedInCustomer(signedIn.Company.Value, signedIn.CustomerId);
        _company = await Companies.FindAsync(CompanyKey, Leaving);
        _loaded = true;
        if (_company is null)
        {
            RecordNotFound();
            return;
        }
        // A session of another company is no session here.
        _session ??= SignedIn is { } s && s.Company == _company.Id.Value ? new CustomerSession(_company.Id, s.Customer) : null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _view = _session is null ? null : await ReadAsync(ct => Portal.ViewAsync(_session, ct));
        // An appointment in the link that is not this customer's is simply not shown (nothing says whose it is).
    }

    private string SignOutUrl(bool erased = false) => $"/portal/signout?company={Uri.EscapeDataString(_company!.Key)}" + (erased ? "&erased=true" : "");

    private async Task RequestLinkAsync()
    {
        if (_busy || _company is null) return;
        (_signInMessage, _signInError) = (null, false);
        if (PortalAddress.Parse(_address, _company.CountryCode) is not { } typed)
        {
            (_signInMessage, _signInError) = (L["MyPortal.AddressInvalid"], true);
            return;
        }
        if (!Limits.TryRequest(_ip ?? "unknown", typed.Key))
        {
            (_signInMessage, _signInError) = (L["MyPortal.TooMany"], true);
            return;
        }
        _busy = true;
        try
        {
            var linkBase = $"{Navigation.BaseUri.TrimEnd('/')}/portal/signin?company={Uri.EscapeDataString(_company.Key)}&token=";
            var outcome = await Portal.RequestLinkAsync(_company.Id, new SignInLinkRequest(_address, _company.CountryCode, AppointmentId, _company.Name, linkBase), Leaving);
            if (outcome is SignInLinkOutcome.SendFailed failed) Log.LogWarning(failed.Error, "A customer portal sign-in link could not be sent");
            // Known or not, sent or not: the same words, so nobody learns who is a customer here.
            _signInMessage = L["MyPortal.LinkSent", (int)CustomerSignInLink.Lifetime.TotalMinutes];
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CancelAsync(PortalAppointment appointment)
    {
        _busy = true;
        try
        {
            Show(await Portal.CancelAsync(_session!, appointment.Id, Leaving), L["MyPortal.Cancelled"]);
            _cancelling = null;
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task StartMoveAsync(PortalAppointment appointment)
    {
        (_moving, _moveDay, _moveSlots, _alternatives, _cancelling) = (appointment, null, [], [], null);
        var today = DateOnly.FromDateTime(BranchClock.ToLocal(Now, appointment.TimeZoneId).DateTime);
        _moveDays = await ReadAsync(ct => Portal.MoveDaysAsync(_session!, appointment, today, ct)) ?? [];
    }

    private async Task PickMoveDayAsync(DateOnly day)
    {
        (_moveDay, _alternatives) = (day, []);
        _moveSlots = await ReadAsync(ct => Portal.MoveSlotsAsync(_session!, _moving!, day, ct)) ?? [];
    }

    private async Task MoveToAsync(Slot slot)
    {
        if (_busy || _moving is null) return;
        _busy = true;
        try
        {
            var result = await Portal.MoveAsync(_session!, _moving.Id, slot.StartUtc, Leaving);
            if (result is PortalChange.Taken taken)
            {
                _alternatives = taken.Alternatives;
                if (_moveDay is { } day) _moveSlots = await Portal.MoveSlotsAsync(_session!, _moving, day, Leaving);
            }
            else _moving = null;
            Show(result, L["MyPortal.Moved"]);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(PortalChange result, string done)
    {
        (_notice, _noticeSeverity) = result switch
        {
            PortalChange.Done => (done, Severity.Success),
            PortalChange.TooLate late => (L["MyPortal.TooLate", late.NoticeHours].Value, Severity.Warning),
            PortalChange.Taken { Alternatives.Count: > 0 } => (L["MyPortal.Taken"].Value, Severity.Warning),
            PortalChange.Taken => (L["MyPortal.TakenNothing"].Value, Severity.Warning),
            PortalChange.NotFound => (L["MyPortal.Gone"].Value, Severity.Error),
            _ => (L["MyPortal.Refused"].Value, Severity.Error),
        };
    }

    private async Task DetailsSavedAsync()
    {
        (_notice, _noticeSeverity) = (L["MyPortal.DetailsSaved"], Severity.Success);
        await LoadAsync();
    }

    private async Task EraseAsync()
    {
        _busy = true;
        try
        {
            if (await Portal.EraseAsync(_session!, Leaving) is EraseOutcome.Erased)
            {
                Log.LogInformation("A customer erased their data in the customer portal");
                // The cookie goes with an HTTP response: the sign-out endpoint, then back here.
                Navigation.NavigateTo(SignOutUrl(erased: true), forceLoad: true);
                return;
            }
            (_notice, _noticeSeverity) = (L["MyPortal.Refused"], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
