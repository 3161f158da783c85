using KzRights.Parsing;
using KzRights.Parsing.Corpus;

// `dotnet run --project src/KzRights.Parsing [-- <corpus dir>] [--json <file>]`: parse the corpus and print the report.
try
{
    var jsonIndex = Array.IndexOf(args, "--json");
    var jsonPath = jsonIndex >= 0 && jsonIndex + 1 < args.Length ? args[jsonIndex + 1] : null;
    var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (jsonIndex < 0 || i != jsonIndex + 1)).ToArray();
    var corpusDirectory = positional.Length > 0 ? positional[0] : CorpusParser.LocateCorpusDirectory(Directory.GetCurrentDirectory());
    var corpus = CorpusParser.ParseDirectory(corpusDirectory);
    Console.Write(ParseReport.Render(corpus));
    if (jsonPath is not null)
    {
        File.WriteAllText(jsonPath, CorpusJson.Serialize(corpus));
        Console.WriteLine($"wrote {jsonPath}");
    }

    return 0;
}
catch (ParseException ex)
{
    Console.Error.WriteLine($"parse failed: {ex.Message}");
    return 1;
}
