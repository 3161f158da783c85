using KzRights.Parsing.Model;

namespace KzRights.Parsing.Text;

/// <summary>A corpus file as lines, numbered from 1 as an editor shows them.</summary>
public sealed class SourceDocument
{
    private readonly string[] _lines;

    public SourceDocument(DocumentMetadata metadata, string text)
    {
        Metadata = metadata;
        // Normalise line ends only; every other character is kept so that offsets and accounting stay exact.
        _lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (_lines.Length > 0 && _lines[^1].Length == 0)
        {
            _lines = _lines[..^1];
        }
    }

    public DocumentMetadata Metadata { get; }

    public string FileName => Metadata.SourceFile;

    public int LineCount => _lines.Length;

    /// <summary>The raw text of line <paramref name="number"/> (1-based).</summary>
    public string Line(int number) => _lines[number - 1];

    public IEnumerable<int> LineNumbers => Enumerable.Range(1, _lines.Length);

    public ParseException Error(int line, string message) => new(FileName, line, message);
}
