using System.Text.RegularExpressions;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Telephony;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Telephony;

/// <summary>How SQLite runs a hot query of the phone path, from its own planner (EXPLAIN QUERY
/// PLAN on the SQL EF generates, tenant filter included): the tenant filter
/// <c>(@off OR CompanyId = @tenant)</c> is no term an index can seek on, so a query that needs a
/// CompanyId-led index names its company explicitly.</summary>
public sealed partial class QueryPlanTests
{
    [Fact]
    public async Task A_booking_looks_up_the_calls_appointment_on_the_company_and_call_index()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.For(Guid.NewGuid());
        var (call, start) = (Guid.NewGuid(), new DateTime(2027, 1, 20, 9, 0, 0, DateTimeKind.Utc));

        var plan = await PlanAsync(db, AgentData.BookedByCall(db, call, start));
        Assert.Contains(plan, step => step.EndsWith("USING INDEX IX_Appointments_CompanyId_CallId (CompanyId=? AND CallId=?)"));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN"));

        // The same read on the tenant filter alone: what it was, and why the explicit company is there.
        var filterOnly = await PlanAsync(db, db.Appointments.AsNoTracking().Where(a => a.CallId == call && a.StartUtc == start
            && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow));
        Assert.Contains(filterOnly, step => step.StartsWith("SCAN"));
    }

    /// <summary>SQLite's plan for the query, one step each ("SEARCH a USING INDEX …", "SCAN a": the table by its alias).
    /// The parameters EF declares (<c>.param set @p 'value'</c>) are bound as they are.</summary>
    private static async Task<List<string>> PlanAsync<T>(AskProDbContext db, IQueryable<T> query)
    {
        var lines = query.ToQueryString().Split('\n');
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param")));
        foreach (var declared in lines.Select(l => ParamLine().Match(l)).Where(m => m.Success))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = declared.Groups["name"].Value;
            parameter.Value = declared.Groups["value"].Value.Trim('\'');
            command.Parameters.Add(parameter);
        }
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(reader.GetOrdinal("detail")));
        Assert.NotEmpty(plan);
        return plan;
    }

    [GeneratedRegex(@"^\.param set (?<name>\S+) (?<value>.*)$")]
    private static partial Regex ParamLine();
}
