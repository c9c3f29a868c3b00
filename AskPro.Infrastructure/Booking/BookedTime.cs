using System.Text.Json;
using AskPro.Core.Booking;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Booking;

/// <summary>Booked time of staff members, read from the slot claims and cached per staff set
/// and UTC day, in one cache area per day, so a change drops only the days it touches
/// (<see cref="CachedAvailabilityChanged"/>).</summary>
internal sealed class BookedTime(AskProDbContext db, ITenantCache cache)
{
    public static string CacheArea(DateTime utcDay) => $"availability:{utcDay:yyyy-MM-dd}";

    /// <summary>The range cut at UTC midnights: each piece lies within one UTC day.</summary>
    public static IEnumerable<TimeInterval> UtcDays(TimeInterval range)
    {
        for (var start = range.Start; start < range.End;)
        {
            var end = new DateTime(Math.Min(start.Date.AddDays(1).Ticks, range.End.Ticks), DateTimeKind.Utc);
            yield return new TimeInterval(start, end);
            start = end;
        }
    }

    public async Task<IReadOnlyList<BusyTime>> ReadAsync(IReadOnlyList<Guid> staffIds, TimeInterval range, Guid? exceptAppointment, CancellationToken ct)
    {
        string Key(TimeInterval day) => $"{string.Join(',', staffIds.Order())}|{day.Start.Ticks}|{day.End.Ticks}|{exceptAppointment}";
        var busy = new List<CachedBusy>();
        var missing = new List<TimeInterval>();
        foreach (var day in UtcDays(range))
        {
            if (await cache.GetAsync(CacheArea(day.Start), Key(day), ct) is { } cached) busy.AddRange(JsonSerializer.Deserialize<List<CachedBusy>>(cached)!);
            else missing.Add(day);
        }

        if (missing.Count > 0)
        {
            // One query for all days not cached; a claim starting less than a granule before a
            // piece's start still overlaps it.
            var (from, to) = (missing[0].Start - SlotClaim.Granule, missing[^1].End);
            var claims = await db.SlotClaims.AsNoTracking()
                .Where(c => staffIds.Contains(c.StaffId) && c.GranuleStartUtc > from && c.GranuleStartUtc < to
                            && (exceptAppointment == null || c.AppointmentId != exceptAppointment))
                .OrderBy(c => c.StaffId).ThenBy(c => c.GranuleStartUtc)
                .Select(c => new { c.StaffId, c.GranuleStartUtc })
                .ToListAsync(ct);
            foreach (var day in missing)
            {
                // Consecutive granules merge into one busy interval per staff member.
                var merged = new List<CachedBusy>();
                foreach (var claim in claims.Where(c => c.GranuleStartUtc > day.Start - SlotClaim.Granule && c.GranuleStartUtc < day.End))
                {
                    var end = claim.GranuleStartUtc + SlotClaim.Granule;
                    if (merged.Count > 0 && merged[^1].StaffId == claim.StaffId && merged[^1].End == claim.GranuleStartUtc) merged[^1] = merged[^1] with { End = end };
                    else merged.Add(new CachedBusy(claim.StaffId, claim.GranuleStartUtc, end));
                }
                await cache.SetAsync(CacheArea(day.Start), Key(day), JsonSerializer.Serialize(merged), TimeSpan.FromMinutes(5), ct);
                busy.AddRange(merged);
            }
        }
        return busy.Select(b => new BusyTime(b.StaffId, new TimeInterval(DateTime.SpecifyKind(b.Start, DateTimeKind.Utc), DateTime.SpecifyKind(b.End, DateTimeKind.Utc)))).ToList();
    }

    private sealed record CachedBusy(Guid StaffId, DateTime Start, DateTime End);
}
