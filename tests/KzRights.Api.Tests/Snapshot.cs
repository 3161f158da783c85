namespace KzRights.Api.Tests;

/// <summary>Checked-in generated files (openapi.yaml, schema/*). A test compares the generated text with the file and
/// fails on drift; with <c>KZRIGHTS_UPDATE_SNAPSHOTS=1</c> it rewrites the file instead (then review and commit).</summary>
public static class Snapshot
{
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KzRightsApi.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("KzRightsApi.sln not found above the test binaries");
        }
    }

    public static void AssertMatches(string relativePath, string generated)
    {
        var path = Path.Combine(RepositoryRoot, relativePath);
        generated = generated.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
        if (Environment.GetEnvironmentVariable("KZRIGHTS_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
            return;
        }

        Assert.True(File.Exists(path), $"{relativePath} is missing: run the tests with KZRIGHTS_UPDATE_SNAPSHOTS=1 and commit it");
        var committed = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(committed == generated, $"{relativePath} is out of date: run the tests with KZRIGHTS_UPDATE_SNAPSHOTS=1, review the diff and commit it");
    }
}
