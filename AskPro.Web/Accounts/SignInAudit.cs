using AskPro.Core.Operations;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Accounts;
using AskPro.Infrastructure.Portal;

namespace AskPro.Web.Accounts;

/// <summary>A company user's successful sign-in becomes an audit entry of their company: the
/// team page's "last sign-in" and the audit log's record of who was in. The sign-in page has no
/// tenant yet, so the entry is written in the user's own company's unit of work.</summary>
public sealed class SignInAudit(EngineCalls engine, TimeProvider clock)
{
    public Task RecordAsync(AppUser user, CancellationToken ct) => user.CompanyId is not { } company
        ? Task.CompletedTask // platform admins belong to no company; their company choice is audited there
        : engine.RunForAsync<IAuditLog, bool>(new TenantId(company), async log =>
        {
            await log.WriteAsync(new AuditEntry
            {
                Actor = user.Id, Action = TeamMembers.SignInAction, EntityType = "User", EntityId = user.Id, At = clock.GetUtcNow().UtcDateTime,
            }, ct);
            return true;
        });
}
