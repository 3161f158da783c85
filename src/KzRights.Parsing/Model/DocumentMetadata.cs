namespace KzRights.Parsing.Model;

/// <summary>The layouts the corpus uses; each has one parser.</summary>
public enum DocumentLayout
{
    CommunicationReply,
    UprNationalReport,
    ListOfIssuesReplies,
    GovernmentReview,
    ConcludingObservations,
}

/// <summary>A dated event in a document's life. Roles: <c>adopted</c>, <c>issued</c>, <c>received</c>, <c>sent</c>.</summary>
public sealed record DocumentDate(string Role, DateOnly Date, string Note);

/// <summary>One entry of <c>data/corpus/manifest.json</c>.</summary>
public sealed record DocumentMetadata(
    string Slug,
    string? Symbol,
    bool SymbolPrinted,
    string Title,
    string DocumentType,
    string Body,
    string Mechanism,
    DocumentLayout Layout,
    IReadOnlyList<DocumentDate> Dates,
    string? Session,
    IReadOnlyList<string> Languages,
    string OriginalLanguage,
    string SourceFile,
    string Sha256);
