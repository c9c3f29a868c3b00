namespace AskPro.Web.Webhooks;

/// <summary>The answer to a delivery that could not be made durable (database down or too
/// slow): 503 with Retry-After, so the provider sends it again instead of losing it.</summary>
public static class RetryLater
{
    public const int Seconds = 10;

    public static IResult Answer(HttpContext http)
    {
        http.Response.Headers.RetryAfter = Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
