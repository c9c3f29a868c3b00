namespace AskPro.Core.Tenancy;

/// <summary>Marks an entity that belongs to exactly one company. The persistence layer filters
/// every query on it by the current tenant and refuses writes to other tenants' rows.</summary>
public interface ITenantOwned
{
    Guid CompanyId { get; set; }
}
