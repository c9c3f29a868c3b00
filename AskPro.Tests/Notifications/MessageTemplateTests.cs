using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Notifications;
using AskPro.Core.Notifications.SaveMessageTemplate;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Notifications;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Tests.Waitlist;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Notifications;

/// <summary>A company's own message wording in the running app: only known placeholders (German
/// errors, nothing stored), a preview with an example appointment whose HTML encodes everything,
/// the change audited, and the next confirmation written with it.</summary>
[Collection(BookingAppCollection.Name)]
public sealed class MessageTemplateTests(BookingApp app)
{
    private WaitlistSalon Salon => new(app.Host);

    [Fact]
    public async Task Unknown_placeholders_stray_braces_and_bad_text_are_refused_in_German_and_nothing_is_stored()
    {
        var before = await CountsAsync();
        (MessageTemplateDraft Draft, string Field, string Error)[] refused =
        [
            (new(MessageKind.Confirmation, MessageChannel.Email, "de", "Termin am {datum}", "Hallo {kundin}, bis {uhrzeit}."), "body",
                "Unbekannter Platzhalter {kundin}. Erlaubt sind: {kunde}, {dienstleistung}, {mitarbeiter}, {datum}, {uhrzeit}, {firma}, {adresse}, {link}."),
            (new(MessageKind.Reminder, MessageChannel.Email, "de", "Erinnerung {Datum2}", "Hallo {kunde}"), "subject", "Unbekannter Platzhalter {Datum2}."),
            (new(MessageKind.Reminder, MessageChannel.Sms, "de", null, "Hallo {kunde"), "body", "Geschweifte Klammern sind nur um Platzhalter erlaubt, z. B. {kunde}."),
            (new(MessageKind.Reminder, MessageChannel.Sms, "de", null, "{firma}: {{link}}"), "body", "Geschweifte Klammern sind nur um Platzhalter erlaubt"),
            (new(MessageKind.Change, MessageChannel.Email, "de", "", "Hallo {kunde}"), "subject", "Der Betreff darf nicht leer sein."),
            (new(MessageKind.Change, MessageChannel.Email, "de", "Zeile\nZwei", "Hallo {kunde}"), "subject", "Der Betreff enthält unzulässige Zeichen."),
            (new(MessageKind.Change, MessageChannel.Sms, "en", null, new string('x', 641)), "body", "Der Text darf höchstens 640 Zeichen lang sein."),
            (new(MessageKind.Change, MessageChannel.Sms, "fr", null, "Bonjour {kunde}"), "language", "Die Sprache muss Deutsch (de) oder Englisch (en) sein."),
        ];
        foreach (var (draft, field, error) in refused)
        {
            var outcome = await Salon.RunAsync<SaveMessageTemplate, SaveTemplateOutcome>(save => save.RunAsync(draft, "test-admin", default));
            var invalid = Assert.IsType<SaveTemplateOutcome.Invalid>(outcome);
            var problem = Assert.Single(invalid.Errors);
            Assert.Equal(field, problem.Field);
            Assert.StartsWith(error.TrimEnd('.'), problem.Message);
        }
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public void The_preview_fills_an_example_appointment_in_the_language_and_its_html_encodes_everything()
    {
        var (subject, text, html) = MessageTemplateSettings.Preview("Termin am {datum}", "Hallo {kunde} <script>alert(1)</script>, {dienstleistung} bei {mitarbeiter}.\n\n{link}",
            "Salon <b>Sonne</b>", "Torstraße 101, 10119 Berlin", "de");
        Assert.Equal("Termin am Dienstag, 24. November 2026", subject);
        Assert.Equal("Hallo Lena Beispiel <script>alert(1)</script>, Damenhaarschnitt bei Anna.\n\nhttps://askpro.example/portal", text);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>Sonne</b>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("Salon &lt;b&gt;Sonne&lt;/b&gt;", html);
        Assert.Contains("<a href=\"https://askpro.example/portal\">", html);

        var (english, englishText, _) = MessageTemplateSettings.Preview("Your appointment on {datum} at {uhrzeit}", "Hello {kunde}", "Salon", "", "en");
        Assert.Equal("Your appointment on Tuesday, 24 November 2026 at 14:30", english);
        Assert.Equal("Hello Alex Example", englishText);
    }

    [Fact]
    public async Task A_saved_template_is_audited_and_used_by_the_next_confirmation_until_it_is_reset()
    {
        var (_, service, anna) = await Salon.HaircutWithAnnaAsync();
        var salon = await Salon.IdAsync();
        var saved = await Salon.RunAsync<SaveMessageTemplate, SaveTemplateOutcome>(save => save.RunAsync(new MessageTemplateDraft(MessageKind.Confirmation,
            MessageChannel.Email, "de", "Gebucht: {dienstleistung} am {datum}", "Liebe/r {kunde},\n\nbis {uhrzeit} bei {mitarbeiter}!\n\n{link}"), "test-admin", default));
        try
        {
            Assert.IsType<SaveTemplateOutcome.Saved>(saved);
            var audit = await app.ReadAsync(db => db.AuditEntries.Where(a => a.CompanyId == salon && a.Action == "message-template.save").SingleAsync());
            Assert.Equal(("test-admin", "Confirmation:Email:de"), (audit.Actor, audit.EntityId));

            var start = new DateTime(2027, 1, 13, 9, 0, 0, DateTimeKind.Utc); // Wednesday 13 January 2027, 10:00 in Berlin
            var booked = await Salon.RunAsync<Book, BookingOutcome>(book => book.RunAsync(new BookRequest(anna, service, Guid.Empty, start, AppointmentSource.Admin,
                "test: front desk", Contact: new CustomerContact("Tina Vorlage", "+4915170000201", "tina@example.org")), default));
            Assert.IsType<BookingOutcome.Booked>(booked);
            var mail = (await Eventually.Async("the confirmation", () => Task.FromResult(Salon.MailsTo("tina@example.org")), m => m.Count == 1)).Single();
            Assert.Equal("Gebucht: Herrenhaarschnitt am Mittwoch, 13. Januar 2027", mail.Subject);
            Assert.StartsWith("Liebe/r Tina Vorlage,\n\nbis 10:00 Uhr bei Anna Schmidt!\n\nhttp", mail.Text);
        }
        finally
        {
            Assert.True(await Salon.RunAsync<SaveMessageTemplate, bool>(save => save.ResetAsync(MessageKind.Confirmation, MessageChannel.Email, "de", "test-admin", default)));
        }
        Assert.Equal(0, await app.ReadAsync(db => db.MessageTemplates.CountAsync(t => t.CompanyId == salon && t.Kind == MessageKind.Confirmation)));
        Assert.Equal(1, await app.ReadAsync(db => db.AuditEntries.CountAsync(a => a.CompanyId == salon && a.Action == "message-template.reset")));
    }

    private Task<(int Templates, int Audits)> CountsAsync() =>
        app.ReadAsync(async db => (await db.MessageTemplates.CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType == nameof(MessageTemplate))));
}
