using System.Security.Cryptography;
using System.Text;

namespace KzRights.Data.Webhooks;

/// <summary>Standard Webhooks signing (https://www.standardwebhooks.com): the secret is <c>whsec_</c> and the base64 of
/// 32 random bytes; a message is signed as HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c> with the
/// decoded secret, sent as <c>webhook-signature: v1,&lt;base64&gt;</c>. Written here rather than taken from a library
/// because no Standard Webhooks package is on our NuGet mirror and the scheme is one HMAC.</summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A message id: <c>msg_</c> and 24 random hex characters.</summary>
    public static string NewMessageId() => "msg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>The <c>webhook-signature</c> header value for one attempt.</summary>
    public static string Sign(string secret, string messageId, long timestampSeconds, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestampSeconds}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
