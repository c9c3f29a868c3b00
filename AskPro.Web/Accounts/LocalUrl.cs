namespace AskPro.Web.Accounts;

/// <summary>The one check for where a redirect taken from a request may point: a path on this
/// site. Browsers read "//host", "/\host" and "/&lt;tab&gt;/host" as another site, and a header
/// value with control or non-ASCII characters is refused by the server, so all of those fall
/// back to the start page.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && url.All(c => c is > ' ' and < '\u007f');
}
