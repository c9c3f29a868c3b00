namespace AskPro.Web.Operations;

/// <summary>Headers every response gets. The CSP allows what Blazor Server and MudBlazor need
/// (inline styles, the SignalR websocket) and nothing from other origins; scripts only from the
/// app's own files (no inline script, no eval: Blazor Server needs neither, and they are what a
/// stored XSS would need; SecurityBrowserTests checks the pages in a browser). Only the public
/// booking page may be framed (the snippet on a company's own website embeds it).</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        var embeddable = context.Request.Path.StartsWithSegments("/book");
        if (!embeddable) headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Content-Security-Policy"] =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
            "img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors " + (embeddable ? "*" : "'none'") + "; base-uri 'self'; form-action 'self'; object-src 'none'";
        return next(context);
    }
}
