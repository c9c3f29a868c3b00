namespace AskPro.Core.Shared;

/// <summary>Base of every stored entity: an opaque, time-ordered id.</summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
}

/// <summary>An entity that belongs to one company.</summary>
public abstract class TenantEntity : Entity, Tenancy.ITenantOwned
{
    public Guid CompanyId { get; set; }
}
