using AskPro.Infrastructure.Portal;
using MudBlazor;

namespace AskPro.Web.Components.Shared;

/// <summary>A MudDataGrid's <see cref="GridState{T}"/> as the query services' own typed
/// questions: columns are matched by property name to an enum, never passed on as strings.
/// Text filters mean "contains", whatever operator the filter row shows.</summary>
public static class GridQueries
{
    public static PageRequest Page<T>(this GridState<T> state) => new(state.Page, state.PageSize);

    public static AppointmentQuery ToQuery(this GridState<AppointmentRow> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new AppointmentQuery(state.Page())
        {
            Sort = sort?.SortBy switch
            {
                nameof(AppointmentRow.Customer) => AppointmentSort.Customer,
                nameof(AppointmentRow.Service) => AppointmentSort.Service,
                nameof(AppointmentRow.Staff) => AppointmentSort.Staff,
                nameof(AppointmentRow.Status) => AppointmentSort.Status,
                nameof(AppointmentRow.Source) => AppointmentSort.Source,
                _ => AppointmentSort.Start,
            },
            Descending = sort?.Descending ?? true,
            Customer = state.Text(nameof(AppointmentRow.Customer)),
            Service = state.Text(nameof(AppointmentRow.Service)),
            Staff = state.Text(nameof(AppointmentRow.Staff)),
        };
    }

    public static CallQuery ToQuery(this GridState<CallRow> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new CallQuery(state.Page())
        {
            Sort = sort?.SortBy switch
            {
                nameof(CallRow.DurationSeconds) => CallSort.Duration,
                nameof(CallRow.CostCents) => CallSort.Cost,
                _ => CallSort.Start,
            },
            Descending = sort?.Descending ?? true,
        };
    }

    public static CustomerQuery ToQuery(this GridState<CustomerRow> state, string? search)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new CustomerQuery(state.Page())
        {
            Search = search,
            Sort = sort?.SortBy switch
            {
                nameof(CustomerRow.Email) => CustomerSort.Email,
                nameof(CustomerRow.CreatedAt) => CustomerSort.Created,
                _ => CustomerSort.Name,
            },
            Descending = sort?.Descending ?? false,
        };
    }

    /// <summary>The text typed into a column's filter, or null.</summary>
    private static string? Text<T>(this GridState<T> state, string column) =>
        state.FilterDefinitions.FirstOrDefault(f => f.Column?.PropertyName == column && f.Value is string { Length: > 0 })?.Value as string;

    public static GridData<T> ToGridData<T>(this PageOf<T> page) => new() { Items = page.Items, TotalItems = page.Total };
}
