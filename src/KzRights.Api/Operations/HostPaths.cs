namespace KzRights.Api.Operations;

/// <summary>Where the host looks for <c>appsettings.json</c>, <c>data/db</c> and the corpus.</summary>
public static class HostPaths
{
    private const string SettingsFile = "appsettings.json";

    /// <summary>The working directory when it holds <c>appsettings.json</c> (the project folder under <c>dotnet run</c>,
    /// the publish folder of a deployment), otherwise the folder of the application's files, so starting the API from
    /// the repository root (CI, the benchmark) or anywhere else still finds its configuration. Null when the caller
    /// chose a content root (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>, a test host).</summary>
    public static string? ContentRoot(string[] args)
    {
        if (args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 })
        {
            return null;
        }

        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, SettingsFile)) ? current : AppContext.BaseDirectory;
    }
}
