using System.Globalization;
using AskPro.Infrastructure.Portal;
using Microsoft.AspNetCore.Http.Extensions;

namespace AskPro.Web.Operations;

/// <summary>The audit log's filter as the page holds it and as the CSV link carries it, so the
/// download is exactly what the grid shows.</summary>
public sealed record AuditFilter
{
    public string? Actor { get; set; }
    public string? Action { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Text { get; set; }

    public AuditQuery ToQuery(PageRequest page) => new(page) { Actor = Actor, Action = Action, From = From, To = To, Text = Text };

    public string ToQueryString()
    {
        var query = new QueryBuilder();
        void Add(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) query.Add(key, value); }
        Add("actor", Actor);
        Add("action", Action);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("text", Text);
        return query.ToString();
    }
}
