using System.Globalization;
using AskPro.Core.Customers;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Infrastructure.OnlineBooking;
using AskPro.Web.OnlineBooking;
using Microsoft.AspNetCore.Components;

namespace AskPro.Web.Components.Pages.OnlineBooking;

public sealed partial class OnlineBookingPage
{
    [Parameter] public string TenantKey { get; set; } = "";

    // One holder per open page: the visitor's own hold never hides their own pick from them.
    private readonly string _holder = "web:" + Guid.NewGuid().ToString("N");
    private PublicCompany? _company;
    private OnlineCatalog? _catalog;
    private OnlineBranch? _branch;
    private OnlineService? _service;
    private Guid? _staffId;
    private DateOnly _fromDay;
    private DateOnly? _day;
    private IReadOnlyList<DateOnly> _days = [];
    private IReadOnlyList<Slot> _slots = [];
    private IReadOnlyList<Slot> _alternatives = [];
    private Slot? _held;
    private Appointment? _booked;
    private string? _token, _name, _phone, _email, _message, _formError;
    private bool _consent, _busy, _loaded;
    private string? _ip;

    private string Zone => _branch?.TimeZoneId ?? "Europe/Berlin";
    private DateOnly Today => DateOnly.FromDateTime(BranchClock.ToLocal(Clock.GetUtcNow().UtcDateTime, Zone).DateTime);
    private OnlineWish Wish => new(_branch!.Id, _service!.Id, _staffId);

    protected override async Task OnParametersSetAsync()
    {
        // The visitor's address, for the attempt limits: the request that opened the page or its circuit.
        _ip ??= Http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        _company = await Companies.FindAsync(TenantKey, Leaving);
        _loaded = true;
        if (_company is null)
        {
            RecordNotFound();
            return;
        }
        if (!_company.TakesOnlineBookings) return;
        _catalog = await ReadAsync(ct => Engine.CatalogAsync(_company.Id, ct));
        if (_catalog is { Branches.Count: 1 } && _branch is null) _branch = _catalog.Branches[0];
        _fromDay = Today;
    }

    private string DayText(DateOnly day) =>
        day.ToDateTime(TimeOnly.MinValue).ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "de" ? "ddd, d. MMM" : "ddd, MMM d", CultureInfo.CurrentCulture);

    private async Task PickBranchAsync(OnlineBranch branch)
    {
        (_branch, _service, _staffId) = (branch, null, null);
        await ReleaseAsync();
    }

    private async Task PickServiceAsync(OnlineService service)
    {
        (_service, _staffId) = (service, null);
        await LoadDaysAsync();
    }

    private async Task PickStaffAsync(Guid? staffId)
    {
        _staffId = staffId;
        await LoadDaysAsync();
    }

    private async Task PageDaysAsync(int days)
    {
        var from = _fromDay.AddDays(days);
        _fromDay = from < Today ? Today : from;
        await LoadDaysAsync(keepFrom: true);
    }

    private async Task LoadDaysAsync(bool keepFrom = false)
    {
        if (!keepFrom) _fromDay = Today;
        await ReleaseAsync();
        (_day, _slots, _message, _alternatives) = (null, [], null, []);
        _days = await ReadAsync(ct => Engine.DaysWithTimeAsync(_company!.Id, Wish, _fromDay, _holder, ct)) ?? [];
    }

    private async Task PickDayAsync(DateOnly day)
    {
        await ReleaseAsync();
        (_day, _message, _alternatives) = (day, null, []);
        _slots = await ReadAsync(ct => Engine.SlotsOnAsync(_company!.Id, Wish, day, _holder, ct)) ?? [];
    }

    /// <summary>Holds the start for the visitor while they type; the form's clock starts now.</summary>
    private async Task PickSlotAsync(DateTime startUtc)
    {
        (_message, _alternatives, _formError) = (null, [], null);
        _held = await Engine.HoldAsync(_company!.Id, Wish, startUtc, _holder, Leaving);
        if (_held is null)
        {
            _message = L["Book.SlotGone"];
            if (_day is { } day) _slots = await Engine.SlotsOnAsync(_company.Id, Wish, day, _holder, Leaving);
            return;
        }
        _token = Tokens.Issue(_company.Key);
    }

    private async Task BookAsync()
    {
        if (_busy || _held is not { } held || _company is null) return;
        _formError = Check();
        if (_formError is not null) return;
        _busy = true;
        try
        {
            var result = await Engine.BookAsync(_company.Id, Wish, held,
                new CustomerContact(_name, _phone, _email, Region: _company.CountryCode, Actor: "online"), _holder, Leaving);
            switch (result)
            {
                case OnlineBookingResult.Booked booked:
                    (_booked, _held, _token) = (booked.Appointment, null, null);
                    Log.LogInformation("Online booking {AppointmentId} made", booked.Appointment.Id);
                    break;
                case OnlineBookingResult.Taken taken:
                    (_held, _alternatives) = (null, taken.Alternatives);
                    _message = taken.Alternatives.Count > 0 ? L["Book.Taken"] : L["Book.TakenNothing"];
                    if (_day is { } day) _slots = await Engine.SlotsOnAsync(_company.Id, Wish, day, _holder, Leaving);
                    break;
                case OnlineBookingResult.Invalid invalid:
                    _formError = L["Book.Invalid." + invalid.Field];
                    break;
                default:
                    _formError = L["Book.Refused"];
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>What is wrong with the form before the engine is asked, or null: consent, lengths,
    /// the phone number (any spelling, read as E.164), the form's age, and the attempt limits.</summary>
    private string? Check()
    {
        if (!_consent) return L["Book.ConsentMissing"];
        if (!PersonName.TryNormalize(_name, out _)) return L["Book.Invalid.name"];
        if ((_phone?.Length ?? 0) > 40 || !E164Number.TryParse(_phone, _company!.CountryCode, out var phone)) return L["Book.Invalid.phone"];
        if (!EmailAddress.TryNormalize(_email, out _)) return L["Book.Invalid.email"];
        switch (Tokens.Check(_token, _company.Key))
        {
            case FormTokenCheck.TooFast:
                _token = Tokens.Issue(_company.Key);
                return L["Book.TooFast"];
            case FormTokenCheck.TooOld or FormTokenCheck.Invalid:
                _held = null;
                return L["Book.TooOld"];
        }
        return Limits.TryAttempt(_ip ?? "unknown", phone.Value) ? null : L["Book.TooMany"].Value;
    }

    private void StartOver() => (_booked, _day, _slots, _service, _staffId, _consent) = (null, null, [], null, null, false);

    private async Task ReleaseAsync()
    {
        if (_held is null || _company is null) return;
        _held = null;
        await Engine.ReleaseAsync(_company.Id, _holder, Leaving);
    }

    public override void Dispose()
    {
        // The visitor left: free their held time now rather than when the hold runs out.
        if (_held is not null && _company is { } company)
            _ = Task.Run(async () =>
            {
                try { await Engine.ReleaseAsync(company.Id, _holder, CancellationToken.None); }
                catch (Exception ex) { Log.LogWarning(ex, "Releasing an online booking hold failed; it expires by itself"); }
            });
        base.Dispose();
    }
}
