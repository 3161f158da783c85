using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

// PLACEHOLDER: replaced by the real parser for this layout.
public sealed class GovernmentReviewParser : IDocumentParser
{
    public DocumentLayout Layout => DocumentLayout.GovernmentReview;

    public ParsedDocument Parse(SourceDocument source) => throw source.Error(1, "parser for layout GovernmentReview not written yet");
}
