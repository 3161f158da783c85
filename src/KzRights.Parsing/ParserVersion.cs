namespace KzRights.Parsing;

/// <summary>The version of the parsing and analysis rules, recorded on every release so a figure can be traced to the
/// rules that extracted it. Raise it with every change to what the parsers or the analysis stage output.</summary>
public static class ParserVersion
{
    public const string Current = "2026.12.01";
}
