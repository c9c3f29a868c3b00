namespace AskPro.Infrastructure.Persistence;

/// <summary>One element of the Data Protection key ring, kept in the database so that every
/// node and every redeploy can decrypt what another encrypted.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
