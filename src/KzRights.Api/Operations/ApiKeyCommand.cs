using KzRights.Data.Access;
using KzRights.Data.Ingest;

namespace KzRights.Api.Operations;

/// <summary><c>keys create --name NAME [--scope read|admin]</c>, <c>keys list</c>, <c>keys revoke ID</c>: the database is
/// migrated first; a created key is printed once and stored only as its hash.</summary>
public static class ApiKeyCommand
{
    private const string Usage = "usage: keys create --name NAME [--scope read|admin] | keys list | keys revoke ID";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        try
        {
            switch (args)
            {
                case ["create", .. var options] when Option(options, "--name") is { } name:
                    await provider.GetRequiredService<CorpusIngestor>().MigrateAsync(ct);
                    var (key, secret) = await provider.GetRequiredService<ApiKeyStore>().CreateAsync(name, Option(options, "--scope") ?? ApiKeyScopes.Read, ct);
                    output.WriteLine($"created key {key.Id} \"{key.Name}\" (scope {key.Scope}); it is shown only this once:");
                    output.WriteLine(secret);
                    return 0;
                case ["list"]:
                    await provider.GetRequiredService<CorpusIngestor>().MigrateAsync(ct);
                    output.WriteLine("id            scope  created                revoked                name");
                    foreach (var k in await provider.GetRequiredService<ApiKeyStore>().ListAsync(ct))
                    {
                        var revoked = k.RevokedAt is { } r ? r.UtcDateTime.ToString("u") : "-";
                        output.WriteLine($"{k.Id,-13} {k.Scope,-6} {k.CreatedAt.UtcDateTime,-22:u} {revoked,-22} {k.Name}");
                    }

                    return 0;
                case ["revoke", var id]:
                    await provider.GetRequiredService<CorpusIngestor>().MigrateAsync(ct);
                    if (!await provider.GetRequiredService<ApiKeyStore>().RevokeAsync(id, ct))
                    {
                        error.WriteLine($"no key has the id {id} (see keys list)");
                        return 1;
                    }

                    output.WriteLine($"revoked key {id}");
                    return 0;
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }
    }

    private static string? Option(string[] options, string name)
    {
        var at = Array.IndexOf(options, name);
        return at >= 0 && at + 1 < options.Length ? options[at + 1] : null;
    }
}
