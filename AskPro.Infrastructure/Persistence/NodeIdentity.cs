using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace AskPro.Infrastructure.Persistence;

/// <summary>Who holds a lease: the node (stable across restarts of the same installation) and
/// this process's incarnation (new on every start). Written on each claimed row as
/// <see cref="Owner"/>, so a restarted node recognises the leases its dead predecessor left
/// behind (same node, other incarnation) and takes them back at once instead of waiting for
/// them to run out. Section "Node": <c>Id</c>; default: the machine name and the ports it
/// listens on (two processes on one machine differ by port).</summary>
public sealed partial class NodeIdentity
{
    public const string Section = "Node";
    private const int MaxNodeLength = 80;

    public NodeIdentity(string node)
    {
        if (string.IsNullOrWhiteSpace(node)) throw new ArgumentException("A node id must not be empty.", nameof(node));
        Node = node.Length > MaxNodeLength ? node[..MaxNodeLength] : node;
        Owner = $"{Node}/{Guid.NewGuid():N}"[..(Node.Length + 1 + 12)];
    }

    /// <summary>The node, the same after a restart.</summary>
    public string Node { get; }

    /// <summary>Node and incarnation, e.g. <c>web-1:5080/3f9c0a6b21de</c> (at most 93 characters).</summary>
    public string Owner { get; }

    /// <summary>The prefix every incarnation of this node writes.</summary>
    public string OwnerPrefix => Node + "/";

    public static NodeIdentity From(IConfiguration configuration)
    {
        if (configuration.GetSection(Section)["Id"] is { Length: > 0 } configured) return new NodeIdentity(configured);
        var ports = Port().Matches(configuration["urls"] ?? "").Select(m => m.Groups[1].Value).Distinct();
        var listening = string.Join(",", ports);
        return new NodeIdentity(listening.Length > 0 ? $"{Environment.MachineName}:{listening}" : Environment.MachineName);
    }

    [GeneratedRegex(@":(\d{1,5})(?=/|;|$)")]
    private static partial Regex Port();
}
