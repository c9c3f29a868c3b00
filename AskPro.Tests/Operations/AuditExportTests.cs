using System.Net;
using System.Text;
using AskPro.Core.Operations;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using AskPro.Web.Operations;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Operations;

/// <summary>The audit log's CSV over real HTTP in the real app: only the company's own entries,
/// filtered like the page, actors shown by address, and every cell a spreadsheet would run as a
/// formula defused.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class AuditExportTests(AppHost app)
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+4915112345678", "'+4915112345678")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("Zeile\nzwei", "\"Zeile\nzwei\"")]
    [InlineData("harmlos", "harmlos")]
    [InlineData("", "")]
    public void A_cell_is_never_a_formula(string value, string cell) => Assert.Equal(cell, AuditExportEndpoints.Cell(value));

    [Fact]
    public async Task The_csv_holds_the_companys_filtered_entries_only_with_formulas_defused()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (salon, praxis, admin) = await app.ReadAsync(async db => (
            await db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync(),
            await db.Companies.Where(c => c.TenantKey == DemoData.Praxis.TenantKey).Select(c => c.Id).SingleAsync(),
            await db.Users.Where(u => u.Email == DemoData.Salon.AdminEmail).Select(u => u.Id).SingleAsync()));
        await app.ReadAsync(async db =>
        {
            var at = DateTime.UtcNow;
            db.AuditEntries.AddRange(
                new AuditEntry { CompanyId = salon, Actor = admin, Action = "test.export", EntityType = "Customer", Details = $"=cmd|' /C calc'!A0 {marker}", At = at },
                new AuditEntry { CompanyId = salon, Actor = "system", Action = "test.other", EntityType = "Customer", Details = $"andere Aktion {marker}", At = at },
                new AuditEntry { CompanyId = praxis, Actor = "system", Action = "test.export", EntityType = "Customer", Details = $"Praxis {marker}", At = at });
            return await db.SaveChangesAsync();
        });
        using var session = await PortalSession.SignInAsync(app.BaseAddress, DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);

        using var response = await session.Http.GetAsync($"/audit/export.csv?action=test.export&text={marker}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFZeitpunkt (UTC);Wer;Aktion", csv);
        var lines = csv.TrimEnd().Split('\n').Skip(1).ToList();
        var line = Assert.Single(lines); // not the praxis's entry, not the other action
        Assert.Contains($";{DemoData.Salon.AdminEmail};test.export;Customer;;'=cmd|' /C calc'!A0 {marker}", line);
        Assert.DoesNotContain(lines, l => l.Split(';').Any(cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@'));

        using var all = await session.Http.GetAsync($"/audit/export.csv?text={marker}&from={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}");
        var both = await all.Content.ReadAsStringAsync();
        Assert.Contains("andere Aktion", both);
        Assert.DoesNotContain("Praxis", both);
        using var before = await session.Http.GetAsync($"/audit/export.csv?text={marker}&to=2020-01-01");
        Assert.DoesNotContain(marker, await before.Content.ReadAsStringAsync());
    }
}
