using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using KzRights.Data.Entities;
using KzRights.Parsing.Analysis;
using KzRights.Parsing.Corpus;
using KzRights.Parsing.Entities;
using KzRights.Parsing.Indicators;
using KzRights.Parsing.Model;
using Microsoft.EntityFrameworkCore;

namespace KzRights.Data.Ingest;

/// <summary>Writes the corpus into emptied tables inside the ingest's transaction, one document at a time: a document is
/// parsed, analysed, mapped and written, then let go of, so memory does not grow with the paragraphs. What links
/// documents is kept only as compact summaries and written after the last document: the recommendations merged across
/// documents (few, and their response links wait only until their recommendation is written), the indicators the fact
/// linker considers (without their quotes), each entity's <see cref="EntityAccumulator"/> state (not its mentions) and
/// each document's year. Facts are then written and set on their indicators in the database, and each entity's row,
/// written when its first mention was, gets its counts, attributes and disagreements. The rows are those
/// <see cref="CorpusAnalyzer.Analyze"/> and one mapping of the whole corpus would give (the ingest tests compare).</summary>
public sealed class CorpusWriter(KzRightsDbContext db, int batchSize, IProgress<string>? progress)
{
    // Recommendations merged by id as CorpusParser.Combine merges them: a document that quotes the text wins over one
    // that only cites the id. Kept whole: a few per thousand paragraphs, and their themes are tagged at the end.
    private readonly SortedDictionary<string, Recommendation> _recommendations = new(StringComparer.Ordinal);

    // Response links whose recommendation no document read so far has named yet (a foreign key refers to it).
    private readonly List<ResponseLinkEntity> _waitingLinks = [];
    private readonly List<Indicator> _factCandidates = [];
    private readonly Dictionary<string, int> _reportingYears = new(StringComparer.Ordinal);
    private readonly EntityAccumulator _entities = new();
    private readonly StringBuilder _report = new(ParseReport.Header());
    private long _sections, _paragraphs, _subItems, _footnotes, _links, _translations, _indicators, _quotas, _series, _themeTags;

    /// <summary>Parses every document of the manifest in <paramref name="corpusDirectory"/>, one at a time, keeping none:
    /// throws the <see cref="KzRights.Parsing.ParseException"/> of the first that does not parse.</summary>
    public static void CheckParses(string corpusDirectory)
    {
        foreach (var metadata in CorpusManifest.Load(corpusDirectory).Documents)
        {
            CorpusParser.ParseFile(corpusDirectory, metadata);
        }
    }

    /// <summary>Writes every document of the manifest in <paramref name="corpusDirectory"/> and what links them; returns
    /// the summary of what was written.</summary>
    public Task<string> WriteAsync(string corpusDirectory, CancellationToken ct)
    {
        var manifest = CorpusManifest.Load(corpusDirectory);
        progress?.Report($"parsing, analysing and writing the {manifest.Documents.Count} documents of {corpusDirectory} one at a time");
        return WriteAsync(manifest.Documents.Select(m => CorpusParser.ParseFile(corpusDirectory, m)), manifest.Documents.Count, ct);
    }

    /// <summary>Writes <paramref name="documents"/> (<paramref name="count"/> of them, in manifest order; a lazy sequence
    /// parses each when it is reached) and what links them; returns the summary of what was written.</summary>
    public async Task<string> WriteAsync(IEnumerable<ParsedDocument> documents, int count, CancellationToken ct)
    {
        await SaveInBatchesAsync(CorpusEntityMapper.Themes(), batchSize, ct);
        var i = 0;
        foreach (var document in documents)
        {
            await WriteDocumentAsync(document, i + 1, ct);
            if ((i + 1) * 10 / count > i * 10 / count)
            {
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"written {i + 1} of {count} documents, {_paragraphs} paragraphs"));
            }

            i++;
        }

        if (_waitingLinks.Count > 0)
        {
            // As before streaming: the database refuses a link to a recommendation no document has.
            await SaveInBatchesAsync(_waitingLinks, batchSize, ct);
        }

        progress?.Report(_report.Append(ParseReport.Totals(count, _recommendations.Values, (int)_links)).ToString());
        _report.Clear();
        progress?.Report("linking across documents: recommendation themes, facts, entities");
        var recommendationTags = CorpusAnalyzer.RecommendationThemes(_recommendations.Values).Select(CorpusEntityMapper.MapThemeTag).ToList();
        _themeTags += recommendationTags.Count;
        await SaveInBatchesAsync(recommendationTags, batchSize, ct);
        var facts = new FactLinker().Link(_factCandidates, _reportingYears);
        _factCandidates.Clear();
        await SaveInBatchesAsync(facts.Select(CorpusEntityMapper.MapFact).ToList(), batchSize, ct);
        foreach (var fact in facts)
        {
            foreach (var ids in fact.Attestations.Select(a => a.IndicatorId).Chunk(batchSize))
            {
                await db.Indicators.Where(i => ids.Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.FactId, fact.Id), ct);
            }
        }

        var entities = _entities.Summaries();
        foreach (var batch in entities.Chunk(batchSize))
        {
            db.NamedEntities.UpdateRange(batch.Select(CorpusEntityMapper.MapEntity));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return string.Create(CultureInfo.InvariantCulture, $"{count} documents, {_sections} sections, {_paragraphs} paragraphs, {_subItems} sub-items, " +
            $"{_footnotes} footnotes, {_recommendations.Count} recommendations, {_links} response links, {_translations} translation links, " +
            $"{_indicators} indicators, {_quotas} quotas, {_series} series, {facts.Count} facts ({facts.Count(f => f.Conflict)} conflicting), " +
            $"{_themeTags} theme tags, {entities.Count} entities ({entities.Sum(e => e.MentionCount)} mentions)");
    }

    private async Task WriteDocumentAsync(ParsedDocument doc, int ordinal, CancellationToken ct)
    {
        _report.Append(ParseReport.Document(doc));
        var analysis = CorpusAnalyzer.AnalyzeDocument(doc);
        var rows = CorpusEntityMapper.MapDocument(doc, ordinal, analysis);
        _sections += doc.Sections.Count;
        _paragraphs += doc.Paragraphs.Count;
        _subItems += doc.Paragraphs.Sum(p => p.SubItems.Count);
        _footnotes += doc.Paragraphs.Sum(p => p.Footnotes.Count);
        _links += rows.ResponseLinks.Count;
        _translations += rows.Translations.Count;
        _indicators += rows.Indicators.Count;
        _quotas += rows.Quotas.Count;
        _series += rows.Series.Count;
        _themeTags += rows.ThemeTags.Count;
        if (CorpusAnalyzer.ReportingYear(doc) is var (documentId, year))
        {
            _reportingYears.Add(documentId, year);
        }

        // The linker reads no quote or rule: the kept indicator drops them.
        _factCandidates.AddRange(analysis.Indicators.Select(i => i.Indicator).Where(FactLinker.Considers)
            .Select(i => i with { Quote = string.Empty, Rule = string.Empty }));

        // A document is a graph of hundreds of rows (sections, paragraphs, sub-items, footnotes): one batch. Parents
        // before the rows that refer to them.
        await SaveInBatchesAsync([rows.Document], 1, ct);
        await SaveRecommendationsAsync(doc.Recommendations, ct);
        _waitingLinks.AddRange(rows.ResponseLinks);
        var ready = _waitingLinks.Where(l => _recommendations.ContainsKey(l.RecommendationId)).ToList();
        _waitingLinks.RemoveAll(l => _recommendations.ContainsKey(l.RecommendationId));
        await SaveInBatchesAsync(ready, batchSize, ct);
        await SaveInBatchesAsync(rows.Translations, batchSize, ct);
        await SaveInBatchesAsync(rows.ThemeTags, batchSize, ct);
        await SaveInBatchesAsync(rows.Indicators, batchSize, ct);
        await SaveInBatchesAsync(rows.Quotas, batchSize, ct);
        await SaveInBatchesAsync(rows.Series, batchSize, ct);
        // An entity's row is written with its first mention (its kind and name are then known) and completed at the end.
        var newEntities = new List<NamedEntity>();
        foreach (var mention in analysis.EntityMentions.Select(m => m.Mention))
        {
            if (_entities.Add(mention))
            {
                var (kind, name) = _entities.Identity(mention.EntityId);
                newEntities.Add(CorpusEntityMapper.MapEntity(new EntitySummary(mention.EntityId, kind, name, new Dictionary<string, string>(), [], 0, 0, [])));
            }
        }

        await SaveInBatchesAsync(newEntities, batchSize, ct);
        await SaveInBatchesAsync(rows.Mentions, batchSize, ct);
    }

    /// <summary>Writes the recommendations a document names that no earlier document did, and rewrites those it quotes
    /// that earlier documents only cited.</summary>
    private async Task SaveRecommendationsAsync(IEnumerable<Recommendation> named, CancellationToken ct)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rec in named)
        {
            if (!_recommendations.TryGetValue(rec.Id, out var existing))
            {
                _recommendations.Add(rec.Id, rec);
                added.Add(rec.Id);
            }
            else if (existing.Text is null && rec.Text is not null)
            {
                _recommendations[rec.Id] = rec;
                if (!added.Contains(rec.Id))
                {
                    replaced.Add(rec.Id);
                }
            }
        }

        await SaveInBatchesAsync(added.Select(id => CorpusEntityMapper.MapRecommendation(_recommendations[id])).ToList(), batchSize, ct);
        foreach (var batch in replaced.Chunk(batchSize))
        {
            db.Recommendations.UpdateRange(batch.Select(id => CorpusEntityMapper.MapRecommendation(_recommendations[id])));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Adds <paramref name="rows"/> <paramref name="perBatch"/> at a time, saving and emptying the change tracker
    /// after each batch and dropping the list's references to the saved rows, so neither the tracker nor the mapped rows
    /// grow while they are written. Rows are inserted in list order: a list must come after the lists it refers to.</summary>
    private async Task SaveInBatchesAsync<T>(List<T> rows, int perBatch, CancellationToken ct)
        where T : class
    {
        for (var start = 0; start < rows.Count; start += perBatch)
        {
            var count = Math.Min(perBatch, rows.Count - start);
            db.AddRange(rows.GetRange(start, count));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            CollectionsMarshal.AsSpan(rows).Slice(start, count).Clear();
        }

        rows.Clear();
    }
}
