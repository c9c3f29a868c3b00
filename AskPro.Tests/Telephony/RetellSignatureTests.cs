using System.Text;
using AskPro.Infrastructure.Telephony;

namespace AskPro.Tests.Telephony;

public sealed class RetellSignatureTests
{
    private const string Key = "askpro-demo-retell-key";
    private const string Body = "{\"name\":\"check_availability\",\"args\":{}}";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1732000000000);

    /// <summary>Computed independently (Node's crypto.createHmac) so Sign and Verify cannot
    /// agree on a wrong scheme.</summary>
    [Fact]
    public void Matches_an_independently_computed_vector()
    {
        Assert.Equal("v=1732000000000,d=46917b6ae1bc12d6b63a3977a68a4b0dbba91b98b19af891972c341c285fba3d",
            RetellSignature.Sign(Encoding.UTF8.GetBytes(Body), Key, At));
        Assert.True(RetellSignature.Verify(Encoding.UTF8.GetBytes(Body),
            "v=1732000000000,d=46917b6ae1bc12d6b63a3977a68a4b0dbba91b98b19af891972c341c285fba3d", Key, At.AddSeconds(30), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("wrong-key-12345", Body, 0, null)]
    [InlineData(Key, Body + " ", 0, null)]
    [InlineData(Key, Body, -6, null)]
    [InlineData(Key, Body, 6, null)]
    [InlineData(Key, Body, 0, "")]
    [InlineData(Key, Body, 0, "v=abc,d=00")]
    [InlineData(Key, Body, 0, "d=46917b6ae1bc12d6b63a3977a68a4b0dbba91b98b19af891972c341c285fba3d")]
    [InlineData(Key, Body, 0, "v=1732000000000,d=zz917b6ae1bc12d6b63a3977a68a4b0dbba91b98b19af891972c341c285fba3d")]
    public void Wrong_key_tampered_body_stale_or_garbled_signatures_fail(string signingKey, string sentBody, int minutesOff, string? header)
    {
        var signature = header ?? RetellSignature.Sign(Encoding.UTF8.GetBytes(Body), signingKey, At.AddMinutes(minutesOff));
        Assert.False(RetellSignature.Verify(Encoding.UTF8.GetBytes(sentBody), signature, Key, At, TimeSpan.FromMinutes(5)));
    }
}
