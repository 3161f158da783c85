namespace KzRights.Parsing;

/// <summary>A document that does not match its layout's expectations. Always names the file and the line,
/// because the fix is either in the source text or in the parser, and both need the place.</summary>
public sealed class ParseException(string file, int line, string message)
    : Exception($"{file}:{line}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Reason { get; } = message;
}
