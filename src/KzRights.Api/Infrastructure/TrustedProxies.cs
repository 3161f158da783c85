using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace KzRights.Api.Infrastructure;

/// <summary><c>ForwardedHeaders:TrustedProxies</c>: addresses or CIDR networks of the reverse proxies in front of the API
/// (deploy/ puts nginx there). Only a request arriving from one of them has its client address and scheme taken from
/// <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c>; from anywhere else those headers are ignored, so a client cannot
/// pick its own rate-limit budget. Empty (the default) trusts no proxy: ASP.NET Core's own default would trust
/// loopback, which a proxy-less deployment reached through a local tunnel must not.</summary>
public static class TrustedProxies
{
    public const string Key = "ForwardedHeaders:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var entries = configuration.GetSection(Key).Get<string[]>() ?? [];
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"{Key}: '{entry}' is neither an IP address nor a CIDR network.");
            }
        }

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
            o.ForwardLimit = 1; // the address the trusted proxy saw, never one a client wrote into the header
        });
        return services;
    }

    /// <summary>First in the pipeline, so logs, the rate limiter and links all see the client's address and scheme.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
