using System.Collections.Concurrent;

namespace AskPro.Infrastructure.Telephony;

/// <summary>What a call's checks settled on (service, staff member), for its later functions
/// that name neither — kept without a write on the request path. A check used to store it with
/// an UPDATE and a commit of its own, the one write of a known call's check: on SQLite every
/// such commit queues behind every other writer. Now this node keeps the newest selection in
/// memory, answers its own later functions from there, and the function log's writer stores it
/// on the call's row with its next batch (one transaction for the batch), for the other nodes
/// and for after a restart. Until that batch is written another node answers from the row's
/// older selection: a selection only fills in what the caller did not say again.</summary>
public sealed class CallSelections
{
    private readonly ConcurrentDictionary<Guid, Selection> _pending = new();

    public sealed record Selection(Guid CompanyId, Guid ServiceId, Guid? StaffId);

    public void Remember(Guid callRowId, Selection selection) => _pending[callRowId] = selection;

    /// <summary>The call's selection: this node's newest, else the one stored on the row.</summary>
    public (Guid? ServiceId, Guid? StaffId) Of(Core.Telephony.Call row) =>
        _pending.TryGetValue(row.Id, out var pending) ? (pending.ServiceId, pending.StaffId) : (row.SelectedServiceId, row.SelectedStaffId);

    /// <summary>The selections not yet stored, for the writer.</summary>
    internal KeyValuePair<Guid, Selection>[] Unwritten() => _pending.ToArray();

    /// <summary>Forgets what the writer stored, unless a newer selection came meanwhile.</summary>
    internal void Written(IEnumerable<KeyValuePair<Guid, Selection>> written)
    {
        foreach (var entry in written) _pending.TryRemove(entry);
    }
}
