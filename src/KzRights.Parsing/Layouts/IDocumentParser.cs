using KzRights.Parsing.Model;
using KzRights.Parsing.Text;

namespace KzRights.Parsing.Layouts;

/// <summary>Turns one corpus file of a known layout into records. Implementations throw
/// <see cref="ParseException"/> (file and line) when the text does not match the layout.</summary>
public interface IDocumentParser
{
    DocumentLayout Layout { get; }

    ParsedDocument Parse(SourceDocument source);
}
