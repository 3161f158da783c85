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
/// documents is kept only as compact summaries and written after the last document: for each recommendation merged across
/// documents, its mechanism and whether its text is known (its response links wait only until it is written, and its
/// themes are tagged from the written rows after the last document), the indicators the fact
/// linker considers (without their quotes), each entity's <see cref="EntityAccumulator"/> state (not its mentions) and
/// each document's year. Facts are then written and set on their indicators in the database, and each entity's row,
/// written when its first mention was, gets its counts, attributes and disagreements. The rows are those
/// <see cref="CorpusAnalyzer.Analyze"/> and one mapping of the whole corpus would give (the ingest tests compare).</summary>
public sealed class CorpusWriter(KzRightsDbContext db, int batchSize, IProgress<string>? progress)
{
    // Recommendations merged by id as CorpusParser.Combine merges them: a document that quotes the text wins over one
    // that only cites the id. Only what merging needs is kept: the real corpus has 397 recommendations in 1,039 paragraphs,
    // and whole records, kept until their themes were tagged after the last document, grew with the corpus (at 300,212
    // paragraphs the documents step had reached 543 MB with them, 474 MB without).
    private readonly Dictionary<string, MergedRecommendation> _recommendations = new(StringComparer.Ordinal);

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

        progress?.Report(_report.Append(ParseReport.Totals(count, _recommendations.Values.Select(r => r.Mechanism), (int)_links)).ToString());
        _report.Clear();
        progress?.Report("linking across documents: recommendation themes, facts, entities");
        await TagRecommendationThemesAsync(ct);
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
        // In the order the document names them; a recommendation named twice is written as it was last merged.
        var added = new Dictionary<string, Recommendation>(StringComparer.Ordinal);
        var replaced = new Dictionary<string, Recommendation>(StringComparer.Ordinal);
        foreach (var rec in named)
        {
            if (!_recommendations.TryGetValue(rec.Id, out var existing))
            {
                _recommendations.Add(rec.Id, new MergedRecommendation(rec.Mechanism, Quoted: rec.Text is not null));
                added.Add(rec.Id, rec);
            }
            else if (!existing.Quoted && rec.Text is not null)
            {
                _recommendations[rec.Id] = new MergedRecommendation(rec.Mechanism, Quoted: true);
                (added.ContainsKey(rec.Id) ? added : replaced)[rec.Id] = rec;
            }
        }

        await SaveInBatchesAsync(added.Values.Select(CorpusEntityMapper.MapRecommendation).ToList(), batchSize, ct);
        foreach (var batch in replaced.Values.Chunk(batchSize))
        {
            db.Recommendations.UpdateRange(batch.Select(CorpusEntityMapper.MapRecommendation));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Tags the themes of every merged recommendation as written (its final text and heading), reading the rows
    /// back a keyset page at a time.</summary>
    private async Task TagRecommendationThemesAsync(CancellationToken ct)
    {
        string? after = null;
        while (true)
        {
            var page = await db.Recommendations.Untracked()
                .Where(r => after == null || string.Compare(r.Id, after) > 0)
                .OrderBy(r => r.Id)
                .Take(batchSize)
                .Select(r => new { r.Id, r.Text, r.Theme })
                .ToListAsync(ct);
            if (page.Count == 0)
            {
                return;
            }

            var tags = page.SelectMany(r => CorpusAnalyzer.RecommendationThemes(r.Id, r.Text, r.Theme)).Select(CorpusEntityMapper.MapThemeTag).ToList();
            _themeTags += tags.Count;
            await SaveInBatchesAsync(tags, batchSize, ct);
            after = page[^1].Id;
        }
    }

    /// <summary>What merging needs of a recommendation already written: its mechanism (for the parse report's totals) and
    /// whether a document quoted its text (a later quote replaces a row that only cites it).</summary>
    private readonly record struct MergedRecommendation(string Mechanism, bool Quoted);

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
