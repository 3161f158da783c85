namespace KzRights.Data.Releases;

/// <summary>The licence of the derived data. A release stores the licence id it was published under, so a later
/// change of terms never rewrites what an earlier release granted.</summary>
public static class DataLicense
{
    public const string CurrentId = "CC-BY-4.0";

    private static readonly Dictionary<string, LicenseDto> Known = new(StringComparer.Ordinal)
    {
        [CurrentId] = new LicenseDto(
            CurrentId,
            "Creative Commons Attribution 4.0 International",
            "https://creativecommons.org/licenses/by/4.0/",
            "The source texts are official United Nations documents and a publication of the Government of Kazakhstan, " +
            "quoted as published; they remain subject to their publishers' terms. The derived data (ids, structure, links, " +
            "indicators, facts, series, quotas, themes) may be copied, redistributed and adapted for any purpose, including " +
            "commercially, provided the release is cited (each record's citation field) and changes are indicated. " +
            "Provided as is, without warranty; always check a figure against the official document before relying on it."),
    };

    public static LicenseDto Current => Known[CurrentId];

    public static LicenseDto FromId(string id) =>
        Known.TryGetValue(id, out var license) ? license : new LicenseDto(id, id, string.Empty, string.Empty);
}
