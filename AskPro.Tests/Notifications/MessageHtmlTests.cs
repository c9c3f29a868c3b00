using AskPro.Infrastructure.Notifications;

namespace AskPro.Tests.Notifications;

/// <summary>The e-mail HTML (also the portal's template preview, shown as raw markup) encodes every
/// value: markup in the text, the company's name and its address stays text, and a link that tries
/// to break out of its href with a quote stays inside it.</summary>
public sealed class MessageHtmlTests
{
    [Fact]
    public void Markup_and_quote_tricks_in_text_company_and_address_stay_text()
    {
        var html = MessageComposer.Html(
            "Hallo <script>window.__xss=1</script>\n\nhttps://salon.example/termin\"onmouseover=\"window.__xss=1\" und <img src=x onerror=window.__xss=1>",
            "Salon <b>Fett</b> & Co", "Torstraße 1 <svg onload=window.__xss=1>");

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<svg", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("\"onmouseover", html); // the quote is &quot;: the href cannot be left
        Assert.Contains("<a href=\"https://salon.example/termin&quot;onmouseover=&quot;window.__xss=1&quot;\">", html);
        Assert.Contains("Hallo &lt;script&gt;window.__xss=1&lt;/script&gt;", html);
        Assert.Contains("Salon &lt;b&gt;Fett&lt;/b&gt; &amp; Co", html);
    }

    [Fact]
    public void Only_web_addresses_become_links()
    {
        var html = MessageComposer.Html("javascript:window.__xss=1 data:text/html,<b>x</b> https://ok.example/a", "Salon", "");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<a "));
        Assert.Contains("<a href=\"https://ok.example/a\">", html);
    }
}
