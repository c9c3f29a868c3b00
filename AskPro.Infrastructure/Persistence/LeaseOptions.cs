namespace AskPro.Infrastructure.Persistence;

/// <summary>Section "Leases": how long a claimed inbox, outbox or message row stays this node's
/// without a sign of life, and how often a live node renews its leases. Short, because a lease
/// that outlives its node is the delay a crash causes (a restarted node takes its own back at
/// once; another node waits for the lease to run out).</summary>
public sealed class LeaseOptions
{
    public const string Section = "Leases";
    public int Seconds { get; set; } = 15;
    public int RenewSeconds { get; set; } = 5;
}
