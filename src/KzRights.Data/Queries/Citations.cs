using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Queries;

/// <summary>How records are cited: the document by its UN symbol (its title when it has none), then the printed
/// paragraph number and sub-item label. <see cref="Releases.ReleaseContext.CiterAsync"/> appends the release.</summary>
internal static class Citations
{
    private static readonly Dictionary<string, string> MechanismNames = new(StringComparer.Ordinal)
    {
        ["upr"] = "Universal Periodic Review",
        ["ccpr"] = "Human Rights Committee",
        ["cedaw"] = "Committee on the Elimination of Discrimination against Women",
        ["special-procedures"] = "Special Procedures",
    };

    /// <summary>UN document symbols (<c>CCPR/C/KAZ/CO/3</c>) resolve at the Official Document System; communication
    /// references such as <c>AL KAZ 4/2025</c> are not document symbols and have no such address.</summary>
    public static string? OfficialUrl(string? symbol) =>
        symbol is not null && symbol.Contains('/', StringComparison.Ordinal) && !symbol.Contains(' ', StringComparison.Ordinal)
            ? $"https://undocs.org/{symbol}"
            : null;

    public static async Task<Dictionary<string, string>> DocumentLabelsAsync(KzRightsDbContext db, IEnumerable<string> documentIds, CancellationToken ct)
    {
        var ids = documentIds.Distinct(StringComparer.Ordinal).ToArray();
        return (await db.Documents.Untracked().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Symbol, d.Title }).ToListAsync(ct))
            .ToDictionary(d => d.Id, d => d.Symbol ?? d.Title, StringComparer.Ordinal);
    }

    /// <summary>"CCPR/C/KAZ/CO/3, para. 20"; an unnumbered paragraph is cited by its section and its position there.</summary>
    public static string Paragraph(string documentLabel, string id, string? number, IReadOnlyList<string> sectionPath) =>
        number is not null
            ? $"{documentLabel}, para. {number}"
            : $"{documentLabel}, {(sectionPath.Count > 0 ? sectionPath[^1] : "text")}, para. {id[(id.LastIndexOf('/') + 1)..]}";

    /// <summary>"…, para. 20 (a)": labels are stored bare ("a") and printed in parentheses, as UN documents cite them.</summary>
    public static string SubItem(string paragraphCitation, string label) =>
        label.StartsWith('(') ? $"{paragraphCitation} {label}" : $"{paragraphCitation} ({label})";

    public static string Recommendation(string? sourceDocumentLabel, string mechanism, string locator) =>
        sourceDocumentLabel is not null
            ? $"{sourceDocumentLabel}, para. {locator}"
            : $"{MechanismNames.GetValueOrDefault(mechanism, mechanism)}, recommendation {locator}";

    /// <summary>Citations (without release) of paragraphs and sub-items by id, in one round of queries.</summary>
    public static async Task<Dictionary<string, string>> ParagraphsAndSubItemsAsync(
        KzRightsDbContext db, IReadOnlyCollection<string> paragraphIds, IReadOnlyCollection<string> subItemIds, CancellationToken ct)
    {
        var subItems = await db.SubItems.Untracked().Where(s => subItemIds.Contains(s.Id)).Select(s => new { s.Id, s.ParagraphId, s.Label }).ToListAsync(ct);
        var allParagraphIds = paragraphIds.Concat(subItems.Select(s => s.ParagraphId)).Distinct(StringComparer.Ordinal).ToArray();
        var paragraphs = await db.Paragraphs.Untracked().Where(p => allParagraphIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DocumentId, p.Number, p.SectionPath }).ToListAsync(ct);
        var labels = await DocumentLabelsAsync(db, paragraphs.Select(p => p.DocumentId), ct);
        var citations = paragraphs.ToDictionary(
            p => p.Id, p => Paragraph(labels[p.DocumentId], p.Id, p.Number, StoredJson.ReadStrings(p.SectionPath)), StringComparer.Ordinal);
        foreach (var s in subItems)
        {
            citations[s.Id] = SubItem(citations[s.ParagraphId], s.Label);
        }

        return citations;
    }
}
