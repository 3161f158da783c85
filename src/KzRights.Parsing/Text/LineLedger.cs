using KzRights.Parsing.Model;

namespace KzRights.Parsing.Text;

/// <summary>Records the fate of every source line. A parser that forgets a line, or claims one twice, fails
/// loudly instead of silently losing text.</summary>
public sealed class LineLedger(SourceDocument source)
{
    private readonly LineAccount?[] _accounts = new LineAccount?[source.LineCount + 1];

    public void Keep(int line, string recordId) => Set(new LineAccount(line, LineFate.Kept, recordId, null));

    public void Join(int line, string recordId) => Set(new LineAccount(line, LineFate.Joined, recordId, null));

    public void Drop(int line, string reason) => Set(new LineAccount(line, LineFate.Dropped, null, reason));

    public bool IsAccounted(int line) => _accounts[line] is not null;

    /// <summary>Drops every line not yet accounted for that is blank (only white space).</summary>
    public void DropRemainingBlankLines()
    {
        for (var line = 1; line <= source.LineCount; line++)
        {
            if (_accounts[line] is null && string.IsNullOrWhiteSpace(source.Line(line)))
            {
                Drop(line, DropReasons.Blank);
            }
        }
    }

    public IReadOnlyList<LineAccount> Complete()
    {
        for (var line = 1; line <= source.LineCount; line++)
        {
            if (_accounts[line] is null)
            {
                throw source.Error(line, $"line not accounted for (text left over): \"{TextCleaner.Preview(source.Line(line))}\"");
            }
        }

        return _accounts.Skip(1).Select(a => a!).ToArray();
    }

    private void Set(LineAccount account)
    {
        if (account.Line < 1 || account.Line > source.LineCount)
        {
            throw source.Error(account.Line, "line number outside the document");
        }

        if (_accounts[account.Line] is { } existing)
        {
            throw source.Error(
                account.Line,
                $"line accounted twice ({existing.Fate} {existing.RecordId ?? existing.Reason}, then {account.Fate} {account.RecordId ?? account.Reason})");
        }

        _accounts[account.Line] = account;
    }
}

/// <summary>The reasons a line may be dropped; the parse report counts lines by these.</summary>
public static class DropReasons
{
    public const string Blank = "blank line";
    public const string Masthead = "masthead (distribution, symbol, dates: kept in the manifest)";
    public const string Bookmark = "bookmark marker only";
    public const string Image = "image file name";
    public const string TableOfContents = "table of contents (checked against the body)";
    public const string RepeatedSideBox = "side-box line repeating body text";
    public const string PrintFurniture = "print furniture (recycling mark, page furniture)";
    public const string EmptyMarkup = "emphasis markup with no text";
}
