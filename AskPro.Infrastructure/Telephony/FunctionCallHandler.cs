using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Telephony.AgentFunctions;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Telephony;

/// <summary>Runs one verified function call: the tenant and the call come only from the signed
/// call object (to_number → number → branch → company; call_id), never from args; one Call row
/// per call; every invocation logged with masked arguments.</summary>
public sealed partial class FunctionCallHandler(
    AskProDbContext db, TenantContext tenant, AgentFunctions functions, TimeProvider clock, ILogger<FunctionCallHandler> logger)
{
    public async Task<FunctionReply> HandleAsync(JsonElement body, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        if (body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
            || !body.TryGetProperty("call", out var callElement) || callElement.ValueKind != JsonValueKind.Object)
            return FunctionReply.Fail("invalid_input", "Die Anfrage war unvollständig.");

        var name = VersionSuffix().Replace(nameElement.GetString()!.Trim(), "");
        var callId = Text(callElement, "call_id");
        var toNumber = Text(callElement, "to_number");
        if (callId is null || callId.Length > 128 || toNumber is null || !E164Number.TryParse(toNumber, "DE", out var to))
            return FunctionReply.Fail("invalid_input", "Die Anfrage war unvollständig.");

        var resolved = await ResolveAsync(to, callId, callElement, ct);
        if (resolved is null) return FunctionReply.Fail("error", "Diese Rufnummer ist bei uns keinem Betrieb zugeordnet.");
        var (call, callRow) = resolved.Value;

        FunctionArguments args;
        try
        {
            args = FunctionArguments.Read(body.TryGetProperty("args", out var a) ? a : default);
        }
        catch (InvalidArgument invalid)
        {
            logger.LogInformation("Function {Function} refused: invalid argument {Argument}", name, invalid.Name);
            return await LogAsync(callRow, name, FunctionArguments.Empty, started,
                FunctionReply.Fail("invalid_input", "Das habe ich leider nicht verstanden. Können Sie es bitte noch einmal sagen?"), ct);
        }

        var reply = AgentFunctions.Names.Contains(name)
            ? await functions.RunAsync(name, args, call, ct)
            : FunctionReply.Fail("unknown_function", "Diese Funktion kenne ich nicht.");
        return await LogAsync(callRow, name, args, started, reply, ct);
    }

    private async Task<(AgentCall Call, Call Row)?> ResolveAsync(E164Number to, string retellCallId, JsonElement callElement, CancellationToken ct)
    {
        if (await CalledNumber.EnterTenantAsync(db, tenant, to, "function call: resolve number", ct) is not { } number)
        {
            logger.LogWarning("Function call for a number no company has");
            return null;
        }

        var company = await db.Companies.AsNoTracking().SingleAsync(ct);
        var branch = await db.Branches.AsNoTracking().SingleAsync(b => b.Id == number.BranchId, ct);
        var caller = RetellCallerId.Read(Text(callElement, "from_number"), company.CountryCode);
        var row = await db.Calls.FirstOrDefaultAsync(c => c.RetellCallId == retellCallId, ct) ?? await CreateCallAsync(retellCallId, branch.Id, to, caller, callElement, ct);
        if (row is null) return null;
        return (new AgentCall(row.Id, retellCallId, company.Name, company.CountryCode, company.SlotGridMinutes, branch, caller,
            row.SelectedServiceId, row.SelectedStaffId), row);
    }

    /// <summary>A function call may come before any call webhook: the call row starts here,
    /// once (a concurrent first call loses the unique index race and reads the winner's row).</summary>
    private async Task<Call?> CreateCallAsync(string retellCallId, Guid branchId, E164Number to, CallerId caller, JsonElement callElement, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new Call
        {
            RetellCallId = retellCallId, BranchId = branchId, ToNumber = to, AgentId = Text(callElement, "agent_id"),
            FromNumber = caller is CallerId.Known known ? E164Number.FromStorage(known.Number.E164) : null,
            Status = CallStatus.Ongoing, StartedAt = now, UpdatedAt = now,
        };
        db.Calls.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return row;
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
        {
            db.Entry(row).State = EntityState.Detached;
            return await db.Calls.FirstOrDefaultAsync(c => c.RetellCallId == retellCallId, ct);
        }
    }

    private async Task<FunctionReply> LogAsync(Call row, string name, FunctionArguments args, long started, FunctionReply reply, CancellationToken ct)
    {
        var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        db.FunctionInvocations.Add(new FunctionInvocation
        {
            CallId = row.Id, Name = name.Length > 64 ? name[..64] : name, ArgumentsMasked = JsonSerializer.Serialize(args.Masked()),
            Status = reply.Status, Success = reply.Success, Message = reply.Message.Length > 2000 ? reply.Message[..2000] : reply.Message,
            DurationMs = elapsed, At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Function {Function} → {Status} in {DurationMs} ms for call {CallRowId}", name.Length > 64 ? name[..64] : name, reply.Status, elapsed, row.Id);
        return reply;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"_v\d+$")]
    private static partial Regex VersionSuffix();
}
