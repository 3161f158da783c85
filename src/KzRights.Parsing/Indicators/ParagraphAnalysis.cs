namespace KzRights.Parsing.Indicators;

/// <summary>The work of <see cref="IndicatorExtractor"/> on one paragraph: find numbers, drop those that are not
/// quantities, read each one's phrase (qualifier, range, scale, unit), give bare numbers the unit of what they
/// count, then attach periods, kinds and subjects.</summary>
internal sealed partial class ParagraphAnalysis
{
    private readonly string _text;
    private readonly string _language;
    private readonly IReadOnlyList<TextSpan> _sentences;
    private readonly IReadOnlyList<PeriodMention> _periods;
    private readonly int[] _parenOpen;
    private readonly List<NumberToken> _numbers;
    private readonly HashSet<NumberToken> _excluded = [];
    private readonly List<Candidate> _candidates = [];

    public ParagraphAnalysis(string text, string language)
    {
        _text = text;
        _language = language == "ru" || UnitLexicon.IsCyrillic(text) ? "ru" : "en";
        _sentences = SentenceSplitter.Split(text);
        _periods = PeriodReader.Read(text);
        _parenOpen = ComputeParentheses(text);
        _numbers = [.. NumberReader.Read(text, _language).Where(n => !_periods.Any(p => n.Start < p.End && n.End > p.Start) && !n.IsYear(text))];
    }

    public IReadOnlyList<Candidate> Run()
    {
        MarkExclusions();
        BuildCandidates();
        ResolveUnits();
        _candidates.RemoveAll(c => c.Unit is null);
        AssignRoles();
        AssignPeriods();
        AssignKinds();
        AssignSubjects();
        RefineSubjects();
        return [.. _candidates.OrderBy(c => c.QuoteStart)];
    }

    private int SentenceIndexOf(int position)
    {
        for (var i = 0; i < _sentences.Count; i++)
        {
            if (position < _sentences[i].End)
            {
                return i;
            }
        }

        return _sentences.Count - 1;
    }

    private TextSpan SentenceOf(int position) => _sentences[SentenceIndexOf(position)];

    /// <summary>The clause around a position: its sentence cut at semicolons.</summary>
    private TextSpan ClauseOf(int position)
    {
        var sentence = SentenceOf(position);
        var start = sentence.Start;
        var end = sentence.End;
        for (var i = position - 1; i >= sentence.Start; i--)
        {
            if (_text[i] == ';' && _parenOpen[i] < 0)
            {
                start = i + 1;
                break;
            }
        }

        for (var i = position; i < sentence.End; i++)
        {
            if (_text[i] == ';' && _parenOpen[i] < 0)
            {
                end = i;
                break;
            }
        }

        return new TextSpan(start, end);
    }

    private string Slice(int start, int end) => start >= end ? string.Empty : _text[start..end];

    private string Before(int position, int length) => Slice(Math.Max(0, position - length), position);

    private string After(int position, int length) => Slice(position, Math.Min(_text.Length, position + length));

    /// <summary>The text between two positions with parenthesised groups (fully inside) removed.</summary>
    private string TopLevel(int start, int end)
    {
        var chars = new System.Text.StringBuilder();
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            var c = _text[i];
            if (c == '(')
            {
                depth++;
                continue;
            }

            if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (depth == 0)
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }

    private static int[] ComputeParentheses(string text)
    {
        var open = new int[text.Length];
        var stack = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(')
            {
                open[i] = stack.Count > 0 ? stack.Peek() : -1;
                stack.Push(i);
                continue;
            }

            if (text[i] == ')')
            {
                open[i] = stack.Count > 0 ? stack.Pop() : -1;
                continue;
            }

            open[i] = stack.Count > 0 ? stack.Peek() : -1;
        }

        return open;
    }

    /// <summary>The position of the ')' closing the '(' at <paramref name="open"/>, or the end of the text.</summary>
    private int CloseOf(int open)
    {
        var depth = 0;
        for (var i = open; i < _text.Length; i++)
        {
            if (_text[i] == '(')
            {
                depth++;
            }
            else if (_text[i] == ')' && --depth == 0)
            {
                return i;
            }
        }

        return _text.Length;
    }
}
