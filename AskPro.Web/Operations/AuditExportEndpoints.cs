using System.Globalization;
using System.Text;
using AskPro.Infrastructure.Portal;
using AskPro.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace AskPro.Web.Operations;

/// <summary>The audit log as CSV (company admins; the tenant filters scope it to their company),
/// filtered like the page. Semicolon-separated with a BOM, as German spreadsheet programs open
/// it; every cell that a spreadsheet would read as a formula is defused (<see cref="Cell"/>).</summary>
public static class AuditExportEndpoints
{
    /// <summary>A bound on one download; narrow the filter for more.</summary>
    public const int MaxRows = 50_000;

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit/export.csv", ExportAsync).RequireAuthorization(Policies.CompanyAdmin);
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, IAuditQueries audit,
        [FromQuery] string? actor, [FromQuery] string? action, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? text, CancellationToken ct)
    {
        if (!TryDay(from, out var fromDay) || !TryDay(to, out var toDay))
            return TypedResults.Problem("Bitte ein Datum im Format JJJJ-MM-TT angeben.", statusCode: StatusCodes.Status400BadRequest);
        var filter = new AuditFilter { Actor = Bounded(actor), Action = Bounded(action), From = fromDay, To = toDay, Text = Bounded(text) };

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"audit.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(Line("Zeitpunkt (UTC)", "Wer", "Aktion", "Art", "Datensatz", "Details"));
        await foreach (var row in audit.AllAsync(filter.ToQuery(new PageRequest(0, 1)), MaxRows, ct))
            await writer.WriteLineAsync(Line(row.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), row.Actor, row.Action, row.EntityType, row.EntityId, row.Details));
        return TypedResults.Empty;
    }

    /// <summary>One CSV cell: quoted when it holds the separator, a quote or a line break; and a
    /// cell starting with = + - @ (or a tab or carriage return, which some programs skip) gets a
    /// leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula.</summary>
    public static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r', ',']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static string Line(params string?[] cells) => string.Join(';', cells.Select(Cell));

    private static string? Bounded(string? value) => value is { Length: > 200 } ? value[..200] : value;

    private static bool TryDay(string? value, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        day = parsed;
        return true;
    }
}
