using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using AskPro.Core.Directory;
using AskPro.Core.Onboarding;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Telephony.AgentFunctions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AskPro.Infrastructure.Telephony;

/// <summary>Runs one verified function call: the tenant and the call come only from the signed
/// call object (to_number → number → branch → company; call_id), never from args; one Call row
/// per call; every invocation logged with masked arguments.</summary>
public sealed partial class FunctionCallHandler(
    CalledNumber calledNumber, ITenantDirectory directory, CallRecords calls, CallSelections selections, AgentFunctions functions, FunctionLog log, TimeProvider clock,
    IOptions<RetellOptions> options, ILogger<FunctionCallHandler> logger)
{
    /// <summary>What the agent says when the database cannot answer in time (down, restarting,
    /// a held lock): nothing was booked, and a callback note would need the same database.</summary>
    public const string UnavailableSentence =
        "Unser Terminsystem ist gerade nicht erreichbar, ich kann deshalb nichts eintragen. Bitte rufen Sie in ein paar Minuten noch einmal an.";

    /// <summary>Within <see cref="RetellOptions.FunctionBudgetSeconds"/> or the fallback sentence:
    /// the deadline cancels the running commands (the database rolls back the open transaction,
    /// so nothing is half-written), and a database fault is said, not thrown.</summary>
    public async Task<FunctionReply> HandleAsync(JsonElement body, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.Value.FunctionBudgetSeconds));
        try
        {
            return await RunAsync(body, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Function call exceeded its budget of {BudgetSeconds} s", options.Value.FunctionBudgetSeconds);
            return Unavailable();
        }
        catch (Exception ex) when (IsDatabaseFault(ex))
        {
            logger.LogError(ex, "Function call failed: the database did not answer");
            return Unavailable();
        }
    }

    private static FunctionReply Unavailable() =>
        FunctionReply.Fail("error", UnavailableSentence, new() { ["retry_later"] = true });

    /// <summary>A connection refused or dropped, a command timeout, a failed save: the
    /// provider's exception types (the message may carry SQL, so it goes to the log only).</summary>
    private static bool IsDatabaseFault(Exception ex) =>
        ex is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException or TimeoutException
        || (ex.InnerException is { } inner && IsDatabaseFault(inner));

    private async Task<FunctionReply> RunAsync(JsonElement body, CancellationToken ct)
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
        if (resolved.Value.Row is null) return FunctionReply.Fail(CompanyLifecycle.NotLiveStatus, CompanyLifecycle.NotLiveSentence);
        var (call, callRow) = (resolved.Value.Call!, resolved.Value.Row);

        FunctionArguments args;
        try
        {
            args = FunctionArguments.Read(body.TryGetProperty("args", out var a) ? a : default);
        }
        catch (InvalidArgument invalid)
        {
            logger.LogInformation("Function {Function} refused: invalid argument {Argument}", name, invalid.Name);
            return Log(callRow, name, FunctionArguments.Empty, started,
                FunctionReply.Fail("invalid_input", "Das habe ich leider nicht verstanden. Können Sie es bitte noch einmal sagen?"));
        }

        var reply = AgentFunctions.Names.Contains(name)
            ? await functions.RunAsync(name, args, call, ct)
            : FunctionReply.Fail("unknown_function", "Diese Funktion kenne ich nicht.");
        return Log(callRow, name, args, started, reply);
    }

    /// <returns>Null: no company has the number; no row: the company is not live (nothing is
    /// recorded or booked for it).</returns>
    private async Task<(AgentCall? Call, Call? Row)?> ResolveAsync(E164Number to, string retellCallId, JsonElement callElement, CancellationToken ct)
    {
        if (await calledNumber.EnterTenantAsync(to, "function call: resolve number", ct) is not { } number)
        {
            logger.LogWarning("Function call for a number no company has");
            return null;
        }

        var company = await directory.GetAsync(ct);
        if (company.Branch(number.BranchId) is not { } branch) return null;
        // A Draft company takes test calls only: web calls, which only holders of the
        // installation's key start (the wizard's simulator, the platform's dashboard).
        if (!CompanyLifecycle.Answers(company.Company.Status, isTestCall: Text(callElement, "call_type") == "web_call"))
        {
            logger.LogInformation("Function call for company {CompanyId} refused: status {Status}", company.Company.Id, company.Company.Status);
            return (null, null);
        }
        var caller = RetellCallerId.Read(Text(callElement, "from_number"), company.Company.CountryCode);
        var (row, known) = await calls.FindOrStartAsync(retellCallId, branch.Id, to, caller, Text(callElement, "agent_id"), CallStatus.Ongoing, ct);
        var (selectedService, selectedStaff) = selections.Of(row);
        return (new AgentCall(row.Id, retellCallId, company, branch, caller, known, selectedService, selectedStaff), row);
    }

    private FunctionReply Log(Call row, string name, FunctionArguments args, long started, FunctionReply reply)
    {
        var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var shortName = name.Length > 64 ? name[..64] : name;
        log.Write(new FunctionInvocation
        {
            CompanyId = row.CompanyId, CallId = row.Id, Name = shortName, ArgumentsMasked = JsonSerializer.Serialize(args.Masked()),
            Status = reply.Status, Success = reply.Success, Message = reply.Message.Length > 2000 ? reply.Message[..2000] : reply.Message,
            DurationMs = elapsed, At = clock.GetUtcNow().UtcDateTime,
        });
        logger.LogInformation("Function {Function} → {Status} in {DurationMs} ms for call {CallRowId}", shortName, reply.Status, elapsed, row.Id);
        return reply;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"_v\d+$")]
    private static partial Regex VersionSuffix();
}
