using System.Net;
using System.Net.Sockets;

namespace KzRights.Data.Webhooks;

/// <summary>What a receiver URL may be: http or https, absolute, no credentials in it, a host on the allow-list when
/// there is one, and (unless <see cref="WebhookOptions.AllowPrivateNetworks"/>) no internal address. The address
/// rule is checked twice: here for IP literals at registration, and by the dispatcher on the address each attempt
/// actually connects to, so a host name that later resolves inward (DNS rebinding) is refused too.</summary>
public static class WebhookReceivers
{
    private static readonly IPNetwork[] InternalNetworks =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"), IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>Null when <paramref name="url"/> may receive deliveries, else why not.</summary>
    public static string? Problem(string url, WebhookOptions options)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "url must be an absolute http or https URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "url must not carry credentials; authenticate deliveries by their signature.";
        }

        if (options.AllowedHosts.Length > 0 && !options.AllowedHosts.Contains(uri.IdnHost, StringComparer.OrdinalIgnoreCase))
        {
            return $"url's host is not among the hosts this deployment delivers to (Webhooks:AllowedHosts).";
        }

        var literal = IPAddress.TryParse(uri.IdnHost, out var address) ? address : null;
        if (!options.AllowPrivateNetworks && (uri.IsLoopback || (literal is not null && IsInternal(literal))))
        {
            return "url points into a loopback, private or link-local network, which this deployment does not deliver to (Webhooks:AllowPrivateNetworks).";
        }

        return null;
    }

    /// <summary>Loopback, private, link-local, shared, multicast or unspecified: not a public receiver.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            || InternalNetworks.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address));
    }
}
