using Microsoft.Net.Http.Headers;

namespace AskPro.Web.Api;

/// <summary>The REST API reads JSON in UTF-8 only. A body declared in another charset (e.g.
/// "utf-7", which .NET does not know) made the JSON binder throw, a 500; it is refused with 415
/// before anything is bound.</summary>
public static class Utf8JsonOnly
{
    public static IApplicationBuilder UseUtf8JsonOnly(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api/v1") && HasOtherCharset(context.Request), refuse => refuse.Run(context =>
            TypedResults.Problem("Send the body as JSON in UTF-8 (Content-Type: application/json; charset=utf-8).",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type").ExecuteAsync(context)));

    private static bool HasOtherCharset(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset.HasValue
        && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
