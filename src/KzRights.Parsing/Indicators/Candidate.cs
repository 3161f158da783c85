namespace KzRights.Parsing.Indicators;

/// <summary>A number being turned into an indicator: filled in step by step by <see cref="ParagraphAnalysis"/>.</summary>
internal sealed class Candidate(NumberToken number, int sentence)
{
    public NumberToken Number { get; } = number;

    public int Sentence { get; } = sentence;

    public decimal Value { get; set; } = number.Value;

    public decimal? ValueUpper { get; set; }

    public NumberToken? UpperNumber { get; set; }

    public string? Unit { get; set; }

    public string? Scale { get; set; } = number.ImpliedScale;

    public string Qualifier { get; set; } = IndicatorQualifier.Exact;

    public int QuoteStart { get; set; } = number.Start;

    public int QuoteEnd { get; set; } = number.End;

    /// <summary>End of the number itself, its range partner, scale and percent words (before any noun).</summary>
    public int ValueEnd { get; set; } = number.End;

    /// <summary>The words after the value up to the noun phrase's head, e.g. "preventive visits".</summary>
    public string NounPhrase { get; set; } = string.Empty;

    /// <summary>For a percentage: the noun phrase after "per cent of", e.g. "deputy ministers".</summary>
    public string? PercentOf { get; set; }

    public string? PercentOfUnit { get; set; }

    /// <summary>The index of the innermost '(' enclosing the number, or -1.</summary>
    public int ParenOpen { get; set; } = -1;

    public Candidate? Partner { get; set; }

    public string? Role { get; set; }

    /// <summary>The number this one breaks down ("of which", a parenthesis after it).</summary>
    public Candidate? Host { get; set; }

    public string ValueRule { get; set; } = "number";

    public string UnitRule { get; set; } = string.Empty;

    public string? PeriodRule { get; set; }

    public IndicatorPeriod? Period { get; set; }

    public bool PeriodResolved { get; set; }

    /// <summary>The period expression right after this number's phrase, if any.</summary>
    public PeriodMention? LocalPeriod { get; set; }

    public string Kind { get; set; } = IndicatorKind.Count;

    public int? TargetYear { get; set; }

    public string Subject { get; set; } = string.Empty;

    /// <summary>The subject without this number's own qualification, which numbers sharing it start from.</summary>
    public string BaseSubject { get; set; } = string.Empty;

    public string? InheritedSubject { get; set; }

    /// <summary>The number whose subject this one shares ("568 in 2022" shares "507 preventive visits").</summary>
    public Candidate? SubjectSource { get; set; }

    public IReadOnlyList<string> Population { get; set; } = [];

    /// <summary>The key of <see cref="MeasureVocabulary"/> this number measures, or null.</summary>
    public string? Measure { get; set; }

    public bool IsRankOrdinal { get; set; }

    public bool InParentheses => ParenOpen >= 0;

    public string Rule => string.Join('+', new[] { ValueRule, UnitRule, PeriodRule is null ? null : "period:" + PeriodRule }
        .Where(p => !string.IsNullOrEmpty(p)));
}
