using System.Text.RegularExpressions;

namespace AskPro.Tests.Portal;

/// <summary>Rules about the portal's source that a review would miss: components read through
/// query services (never the database themselves), and the old UI kit stays gone.</summary>
public sealed partial class PortalSourceRulesTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void No_component_injects_the_database_a_context_factory_or_a_service_scope()
    {
        var components = Directory.EnumerateFiles(Path.Combine(Root, "AskPro.Web"), "*.razor*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor") || f.EndsWith(".razor.cs"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(components.Count > 20, $"found only {components.Count} components under {Root}");

        var offenders = components
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Root, f), Line: i + 1, Text: line)))
            .Where(l => DatabaseAccess().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Components must use query services and commands:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void No_Radzen_reference_or_rz_selector_comes_back()
    {
        string[] kinds = ["*.cs", "*.razor", "*.css", "*.js", "*.csproj", "*.props", "*.targets", "*.html", "*.json", "*.md"];
        var self = Path.GetFileName(typeof(PortalSourceRulesTests).Name) + ".cs";
        var offenders = kinds
            .SelectMany(kind => Directory.EnumerateFiles(Root, kind, SearchOption.AllDirectories))
            .Where(f => !Ignored(f) && Path.GetFileName(f) != self)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Root, f), Line: i + 1, Text: line)))
            .Where(l => OldKit().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Radzen is gone; MudBlazor is the UI kit:\n" + string.Join("\n", offenders));
    }

    /// <summary>Where markup is rendered raw (<c>MarkupString</c>, <c>AddMarkupContent</c>, or in
    /// the app's own scripts innerHTML and friends), each place is listed with the test that
    /// proves what it renders is encoded; a new one fails here until someone proves it too.</summary>
    [Fact]
    public void Raw_markup_is_rendered_only_where_a_test_proves_it_encoded()
    {
        // The e-mail preview: MessageComposer.Html encodes every value (MessageTemplatesBrowserTests,
        // MessageHtmlTests).
        string[] proved = ["AskPro.Web/Components/Pages/Settings/MessageTemplatesPage.razor"];
        var web = Path.Combine(Root, "AskPro.Web");
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => !Ignored(f) && (f.EndsWith(".razor") || f.EndsWith(".cs") || (f.EndsWith(".js") && !f.Contains("_framework"))))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Root, f).Replace('\\', '/'), Line: i + 1, Text: line)))
            .Where(l => RawMarkup().IsMatch(l.Text) && !proved.Contains(l.File))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Raw markup without a test that proves it encoded:\n" + string.Join("\n", offenders));
        Assert.All(proved, f => Assert.Contains("MarkupString", File.ReadAllText(Path.Combine(Root, f)))); // no stale entry
    }

    private static bool Ignored(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "node_modules" or "TestResults");

    /// <summary>@inject or [Inject] of the context, a context factory, a scope factory or the
    /// service provider itself (the way around the rule).</summary>
    [GeneratedRegex(@"(@inject|\[Inject\]).*\b(AskProDbContext|DbContext|IDbContextFactory|IServiceScopeFactory|IServiceProvider|AsyncServiceScope)\b")]
    private static partial Regex DatabaseAccess();

    [GeneratedRegex(@"MarkupString|AddMarkupContent|innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(")]
    private static partial Regex RawMarkup();

    [GeneratedRegex(@"Radzen|[""'\s.]rz-[a-z]|--rz-", RegexOptions.IgnoreCase)]
    private static partial Regex OldKit();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AskPro.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("AskPro.sln not found above " + AppContext.BaseDirectory);
    }
}
