using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AskPro.Core.Directory;
using AskPro.Core.Notifications;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Notifications;

/// <summary>A due message, written out: an e-mail or an SMS, or the reason it is no longer sent.</summary>
public abstract record ComposedMessage
{
    public sealed record Email(OutgoingEmail Message) : ComposedMessage;
    public sealed record Sms(OutgoingSms Message) : ComposedMessage;
    public sealed record Skip(string Reason) : ComposedMessage;
}

/// <summary>Writes a due <see cref="CustomerMessage"/> from the appointment as it is now, in the
/// customer's language, with the company's template (or the default): plain text, HTML made
/// from the same text, and for bookings and their changes the calendar file. A reminder or
/// confirmation for a start the appointment no longer has, or for a cancelled appointment, is
/// skipped; so is a channel the customer has opted out of since.</summary>
public sealed partial class MessageComposer(AskProDbContext db, ITenantDirectory directories, MessagesOptions options, SmtpOptions smtp, Waitlist.WaitlistLinks waitlistLinks, TimeProvider clock)
{
    public async Task<ComposedMessage> ComposeAsync(CustomerMessage message, CancellationToken ct)
    {
        if (message.Kind == MessageKind.WaitlistOffer) return await ComposeOfferAsync(message, ct);
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == message.AppointmentId, ct);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CustomerId, ct);
        if (appointment is null || customer is null) return new ComposedMessage.Skip("appointment or customer no longer exists");
        if (message.Kind != MessageKind.Cancellation && !appointment.IsActive) return new ComposedMessage.Skip("appointment cancelled");
        if (message.Kind != MessageKind.Cancellation && appointment.StartUtc != message.AppointmentStartUtc) return new ComposedMessage.Skip("appointment moved");
        if (message.Kind == MessageKind.Reminder && appointment.StartUtc <= clock.GetUtcNow().UtcDateTime) return new ComposedMessage.Skip("appointment already begun");
        var directory = await directories.GetAsync(ct);
        var company = directory.Company;
        if (!CustomerNotices.ChannelsFor(company, customer, message.Kind).Contains(message.Channel)) return new ComposedMessage.Skip("opted out");

        var (branch, service, staff) = await PlaceAsync(directory, appointment.BranchId, appointment.ServiceId, appointment.StaffId, ct);
        var language = MessageTemplates.LanguageOf(customer.Language);
        var facts = new MessageFacts(customer.Name, service, staff, BranchClock.ToLocal(message.AppointmentStartUtc, branch.TimeZoneId).DateTime,
            company.Name, AddressOf(branch), LinkFor(message.Kind, company, appointment), language);
        var (subject, body) = await TemplateAsync(message.Kind, message.Channel, language, ct);
        var text = MessageTemplates.Fill(body, facts);

        if (message.Channel == MessageChannel.Sms)
            return new ComposedMessage.Sms(new OutgoingSms(customer.Phone!, text));
        var email = new OutgoingEmail(customer.Email!, MessageTemplates.Fill(subject, facts), text, Html(text, company.Name, facts.Address), company.Name);
        if (message.Kind == MessageKind.Reminder) return new ComposedMessage.Email(email);
        var entry = new CalendarEntry(appointment.Id, message.AppointmentStartUtc, message.AppointmentStartUtc + (appointment.EndUtc - appointment.StartUtc),
            $"{service} – {company.Name}", facts.Address, facts.Link, company.Name, smtp.FromAddress, message.Sequence, message.Kind == MessageKind.Cancellation);
        return new ComposedMessage.Email(email with { Attachments = [AppointmentCalendarFile.Attachment(entry, clock.GetUtcNow().UtcDateTime)] });
    }

    /// <summary>A freed slot offered to someone on the waitlist: the link books it (first come,
    /// first served). Not sent once the offer is used, expired or its entry is done.</summary>
    private async Task<ComposedMessage> ComposeOfferAsync(CustomerMessage message, CancellationToken ct)
    {
        var offer = await db.WaitlistOffers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == message.WaitlistOfferId, ct);
        var entry = offer is null ? null : await db.WaitlistEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == offer.EntryId, ct);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CustomerId, ct);
        if (offer is null || entry is null || customer is null) return new ComposedMessage.Skip("offer or customer no longer exists");
        if (offer.UsedAt is not null || entry.Status != Core.Waitlist.WaitlistStatus.Waiting || offer.ExpiresAt <= clock.GetUtcNow().UtcDateTime)
            return new ComposedMessage.Skip("offer no longer open");
        var directory = await directories.GetAsync(ct);
        var company = directory.Company;
        if (!CustomerNotices.ChannelsFor(company, customer, message.Kind).Contains(message.Channel)) return new ComposedMessage.Skip("opted out");

        var (branch, service, staff) = await PlaceAsync(directory, entry.BranchId, entry.ServiceId, offer.StaffId, ct);
        var language = MessageTemplates.LanguageOf(customer.Language);
        var facts = new MessageFacts(customer.Name, service, staff, BranchClock.ToLocal(offer.StartUtc, branch.TimeZoneId).DateTime,
            company.Name, AddressOf(branch), options.PublicBaseUrl.TrimEnd('/') + waitlistLinks.PathFor(company.Id, offer.Id), language);
        var (subject, body) = await TemplateAsync(message.Kind, message.Channel, language, ct);
        var text = MessageTemplates.Fill(body, facts);
        return message.Channel == MessageChannel.Sms
            ? new ComposedMessage.Sms(new OutgoingSms(customer.Phone!, text))
            : new ComposedMessage.Email(new OutgoingEmail(customer.Email!, MessageTemplates.Fill(subject, facts), text, Html(text, company.Name, facts.Address), company.Name));
    }

    /// <summary>A template as a customer would get it, with example facts (the settings' preview).</summary>
    /// <summary>The branch and the service's and staff member's names from the company's directory
    /// snapshot (cached, dropped on every change: no read per message), from the database for a
    /// service or staff member deactivated since (the snapshot holds the active ones).</summary>
    private async Task<(Branch Branch, string Service, string Staff)> PlaceAsync(DirectorySnapshot directory, Guid branchId, Guid serviceId, Guid staffId, CancellationToken ct) =>
        (directory.Branch(branchId) ?? await db.Branches.AsNoTracking().FirstAsync(b => b.Id == branchId, ct),
         directory.Service(serviceId)?.Name ?? await db.Services.AsNoTracking().Where(s => s.Id == serviceId).Select(s => s.Name).FirstAsync(ct),
         directory.StaffMember(staffId)?.Name ?? await db.Staff.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.Name).FirstAsync(ct));

    public static string Preview(string template, string companyName, string address, string language) =>
        MessageTemplates.Fill(template, MessageTemplates.Sample(companyName, address, language));

    public static string AddressOf(Branch branch) =>
        string.Join(", ", new[] { branch.Street, $"{branch.PostalCode} {branch.City}".Trim() }.Where(p => p.Length > 0));

    /// <summary>Every link opens the customer portal on the appointment; after a cancellation it offers a new booking.</summary>
    private string LinkFor(MessageKind kind, Company company, Appointment appointment)
    {
        var root = options.PublicBaseUrl.TrimEnd('/');
        var key = Uri.EscapeDataString(company.TenantKey);
        return kind == MessageKind.Cancellation ? $"{root}/book/{key}" : $"{root}/portal?company={key}&appointment={appointment.Id:N}";
    }

    private async Task<(string Subject, string Body)> TemplateAsync(MessageKind kind, MessageChannel channel, string language, CancellationToken ct)
    {
        var own = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind && t.Channel == channel && t.Language == language, ct);
        return own is null ? MessageTemplates.Default(kind, channel, language) : (own.Subject, own.Body);
    }

    /// <summary>The text as HTML: every value encoded, links clickable, the company in the footer.</summary>
    public static string Html(string text, string companyName, string address)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5;color:#222\">");
        foreach (var paragraph in text.Split("\n\n"))
            html.Append("<p>").Append(Link().Replace(WebUtility.HtmlEncode(paragraph), m => $"<a href=\"{m.Value}\">{m.Value}</a>").Replace("\n", "<br>")).Append("</p>");
        html.Append("<hr><p style=\"color:#666;font-size:small\">").Append(WebUtility.HtmlEncode(companyName)).Append("<br>")
            .Append(WebUtility.HtmlEncode(address)).Append("</p></body></html>");
        return html.ToString();
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
