using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using AskPro.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Telephony;

/// <summary>The cheap phone path, counted: an EF command interceptor counts the database
/// commands and commits each function request makes (background work — function log, outbox,
/// jobs — runs outside any request and is not counted). Measured on PostgreSQL with Redis, the
/// multi-node set-up where every command is a network round trip.</summary>
public sealed class PhoneRoundTripTests
{
    [PostgresFact]
    public async Task Check_availability_costs_at_most_3_round_trips_and_no_commit_and_book_appointment_5_with_one_commit()
    {
        var postgres = await PostgresServer.GetAsync();
        var redis = await RedisServer.GetAsync();
        var counter = new RequestCommands();
        var clock = new FixedClock(BookingApp.Start);
        using var host = new AppHost(new()
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = await postgres.CreateDatabaseAsync(),
            ["Redis:Configuration"] = redis.Configuration,
        }, clock, services: s => s.AddSingleton<IInterceptor>(sp => counter.With(sp.GetRequiredService<IHttpContextAccessor>())));
        var retell = new RetellClient(host.ApiClient(null), "askpro-demo-retell-key", () => clock.Now);
        var wish = new { datum = "20.1.2027", uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name = "Rudi Rundlauf" };
        var later = wish with { uhrzeit = "11 Uhr" };

        // A first call makes the caller a customer (and warms the directory snapshot).
        Assert.Equal("booked", (await retell.CallAsync("book_appointment", wish, "call_rt_1", fromNumber: "+4917044440001")).GetProperty("status").GetString());

        // The caller calls again: a known call of a known customer.
        await retell.CallAsync("initialize_call", null, "call_rt_2", fromNumber: "+4917044440001");
        var firstCheck = await counter.CountAsync(() => retell.CallAsync("check_availability", later, "call_rt_2", fromNumber: "+4917044440001"));
        var secondCheck = await counter.CountAsync(() => retell.CallAsync("check_availability", later with { uhrzeit = "12 Uhr" }, "call_rt_2", fromNumber: "+4917044440001"));
        var booking = await counter.CountAsync(() => retell.CallAsync("book_appointment", later, "call_rt_2", fromNumber: "+4917044440001"));

        Assert.Equal("available", firstCheck.Status);
        Assert.Equal("booked", booking.Status);
        // Four for a caller who is a customer: their upcoming appointments are a second, indexed
        // read (in the call's statement EF read them through ROW_NUMBER() over every future
        // appointment of the company, on every function call).
        // No commit: the holds are in Redis, and the selection a check settles on is stored with
        // the function log's next batch (CallSelections), off the request path.
        Assert.True(firstCheck.Commands <= 3 && firstCheck.Commits == 0, $"check_availability: {firstCheck}");
        Assert.True(secondCheck.Commands <= 3 && secondCheck.Commits == 0, $"check_availability again: {secondCheck}");
        Assert.True(booking.Commands <= 5 && booking.Commits == 1, $"book_appointment: {booking}");
    }

    /// <summary>Counts commands and commits of the function requests (by the request's trace id).</summary>
    private sealed class RequestCommands : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private readonly ConcurrentQueue<string> _commands = new();
        private int _commits;
        private IHttpContextAccessor? _http;

        public RequestCommands With(IHttpContextAccessor http)
        {
            _http = http;
            return this;
        }

        public sealed record Tally(string Status, int Commands, int Commits, IReadOnlyList<string> Sql)
        {
            public override string ToString() => $"{Commands} commands, {Commits} commits: {string.Join(" | ", Sql)}";
        }

        public async Task<Tally> CountAsync(Func<Task<JsonElement>> send)
        {
            _commands.Clear();
            Interlocked.Exchange(ref _commits, 0);
            var reply = await send();
            return new Tally(reply.GetProperty("status").GetString()!, _commands.Count, _commits, _commands.ToList());
        }

        private bool InFunctionRequest => _http?.HttpContext?.Request.Path == "/api/retell/functions";

        private void Seen(DbCommand command)
        {
            if (!InFunctionRequest) return;
            var sql = command.CommandText.Trim();
            _commands.Enqueue(sql.Length > 60 ? sql[..60] : sql);
            // A write outside a transaction commits by itself.
            if (command.Transaction is null && !sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref _commits);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Seen(command);
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            Seen(command);
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
        {
            Seen(command);
            return base.ScalarExecutingAsync(command, eventData, result, ct);
        }

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
        {
            if (InFunctionRequest) Interlocked.Increment(ref _commits);
            return Task.CompletedTask;
        }
    }
}
