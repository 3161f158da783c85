using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

// PLACEHOLDER: replaced by the real parser for this layout.
public sealed class CommunicationReplyParser : IDocumentParser
{
    public DocumentLayout Layout => DocumentLayout.CommunicationReply;

    public ParsedDocument Parse(SourceDocument source) => throw source.Error(1, "parser for layout CommunicationReply not written yet");
}
