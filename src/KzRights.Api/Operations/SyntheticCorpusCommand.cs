using System.Globalization;
using KzRights.Parsing.Corpus;

namespace KzRights.Api.Operations;

/// <summary><c>synth --paragraphs N --out DIR [--from CORPUS]</c>: writes a synthetic corpus of at least N paragraphs
/// (copies of the real documents under new slugs and symbols) for scale tests. Needs no database or host.</summary>
public static class SyntheticCorpusCommand
{
    private const string Usage = "usage: synth --paragraphs N --out DIR [--from CORPUS_DIR]";

    public static int Run(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (!int.TryParse(Option("--paragraphs"), NumberStyles.None, CultureInfo.InvariantCulture, out var paragraphs) || paragraphs < 1
            || Option("--out") is not { Length: > 0 } output)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            var source = Option("--from") is { Length: > 0 } from
                ? Path.GetFullPath(from)
                : CorpusParser.LocateCorpusDirectory(Directory.GetCurrentDirectory());
            var summary = SyntheticCorpus.Write(source, Path.GetFullPath(output), paragraphs);
            Console.WriteLine(
                $"wrote {summary.Documents} documents ({summary.Copies} copies of {source}), {summary.Paragraphs} paragraphs, to {summary.Directory}");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or KzRights.Parsing.ParseException)
        {
            Console.Error.WriteLine($"synth failed: {ex.Message}");
            return 1;
        }
    }
}
