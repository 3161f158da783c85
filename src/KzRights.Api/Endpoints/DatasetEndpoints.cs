using KzRights.Api.Infrastructure;
using KzRights.Data.Datasets;
using KzRights.Data.Releases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Net.Http.Headers;

namespace KzRights.Api.Endpoints;

/// <summary>A release's dataset: every table as CSV, Parquet and NDJSON, its datapackage.json and dataset.zip.</summary>
public static class DatasetEndpoints
{
    public static IEndpointRouteBuilder MapDatasetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/releases/{releaseId}/dataset").WithTags("Releases");
        group.MapGet("/", GetDataset).WithName("getReleaseDataset").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("List the files of a release's dataset")
            .WithDescription("Every table as CSV, Parquet and NDJSON, the Frictionless datapackage.json and dataset.zip of them all, each with its "
                + "size, SHA-256 and (for tables) row count (`latest` stands for the newest release). Written when the release was published; "
                + "datasets of earlier releases stay downloadable.")
            .WithRequestValidation<NoQuery>();
        group.MapGet("/{fileName}", GetDatasetFile).WithName("getReleaseDatasetFile").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces<Stream>(StatusCodes.Status200OK, DatasetWriter.MediaTypes[0], [.. DatasetWriter.MediaTypes.Skip(1)])
            .Produces<Stream>(StatusCodes.Status206PartialContent, DatasetWriter.MediaTypes[0], [.. DatasetWriter.MediaTypes.Skip(1)])
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
            .WithMetadata(
                new OwnValidatorsMetadata(),
                new ResponseHeaderMetadata(StatusCodes.Status200OK, HeaderNames.AcceptRanges, "^bytes$", "A Range of this file may be asked for."),
                new ResponseHeaderMetadata(StatusCodes.Status206PartialContent, HeaderNames.ContentRange, "^bytes [0-9]+-[0-9]+/[0-9]+$",
                    "bytes <first>-<last>/<length>: the part of the file this answer holds."),
                new ResponseHeaderMetadata(StatusCodes.Status416RangeNotSatisfiable, HeaderNames.ContentRange, "^bytes \\*/[0-9]+$",
                    "bytes */<length>: the file's length."))
            .WithSummary("Download one file of a release's dataset")
            .WithDescription("With Content-Length, an ETag (the file's SHA-256) and Range support, so large downloads resume; "
                + "If-None-Match answers 304. A Range that starts beyond the end of the file is a 416 problem (code RANGE_NOT_SATISFIABLE) with "
                + "`Content-Range: bytes */<length>`.")
            .WithRequestValidation<NoQuery>();
        return app;
    }

    public static async Task<Results<Ok<DatasetDto>, ProblemHttpResult>> GetDataset(
        [ReleaseId] string releaseId, HttpRequest request, ReleaseQueries releases, DatasetStore datasets, CancellationToken ct)
    {
        var (release, manifest, problem) = await FindAsync(releaseId, releases, datasets, ct);
        if (problem is not null)
        {
            return problem;
        }

        var prefix = $"{request.PathBase}/v1/releases/{release!.Id}/dataset/";
        return TypedResults.Ok(new DatasetDto(release.Id, manifest!.CreatedAt, manifest.License,
            manifest.Files.Select(f => new DatasetFileDto(f.Name, f.Table, f.Format, f.MediaType, f.Bytes, f.Sha256, f.Rows, prefix + f.Name)).ToArray()));
    }

    public static async Task<Results<DatasetFileResult, ProblemHttpResult>> GetDatasetFile(
        [ReleaseId] string releaseId,
        [PathParameter("Name of a file the release's dataset lists, e.g. indicators.parquet or dataset.zip.")] string fileName,
        HttpResponse response, ReleaseQueries releases, DatasetStore datasets, CancellationToken ct)
    {
        var (release, manifest, problem) = await FindAsync(releaseId, releases, datasets, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (manifest!.Files.FirstOrDefault(f => f.Name == fileName) is not { } file)
        {
            return Problems.NotFound("Dataset file", fileName);
        }

        // A download of many megabytes may take longer than a query is allowed to.
        response.HttpContext.Features.Get<IHttpRequestTimeoutFeature>()?.DisableTimeout();
        // A release's files never change; under the latest alias a file may be another release's tomorrow.
        response.Headers.CacheControl = releaseId == ReleaseQueries.LatestAlias ? "public, max-age=60" : "public, max-age=31536000, immutable";
        // The file result answers Range (206/416), If-None-Match / If-Range against the ETag, and sets Content-Length.
        return new DatasetFileResult(TypedResults.PhysicalFile(datasets.PathOf(release!.Id, file), file.MediaType, file.Name,
            lastModified: manifest.CreatedAt, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true));
    }

    /// <summary>The release and its dataset's manifest, or the 404 problem: no such release, or a release whose dataset
    /// was never written here (published before datasets existed, or its folder was not kept).</summary>
    private static async Task<(ReleaseDto? Release, DatasetManifest? Manifest, ProblemHttpResult? Problem)> FindAsync(
        string releaseId, ReleaseQueries releases, DatasetStore datasets, CancellationToken ct)
    {
        if (await releases.FindAsync(releaseId, ct) is not { } release)
        {
            return (null, null, Problems.NotFound("Release", releaseId));
        }

        return await datasets.ManifestAsync(release.Id, ct) is { } manifest
            ? (release, manifest, null)
            : (release, null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dataset not available",
                detail: $"Release '{release.Id}' has no dataset on this server: it was published before datasets were written, or its folder was "
                    + "not kept. The latest release's dataset is rebuilt by the dataset command."));
    }
}

/// <summary>A dataset file, whose 416 is a problem like every other error. ASP.NET Core's file result answers a Range
/// beyond the end of the file with its headers (Content-Type, Content-Disposition, validators) and no body, which no
/// status-code page replaces because the Content-Type is set.</summary>
public sealed class DatasetFileResult(PhysicalFileHttpResult file) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await file.ExecuteAsync(httpContext);
        var response = httpContext.Response;
        if (response.StatusCode != StatusCodes.Status416RangeNotSatisfiable || response.HasStarted)
        {
            return;
        }

        // Content-Range: bytes */<length> stays (RFC 9110 §15.5.17); what described the file does not fit a problem.
        response.ContentLength = null;
        response.Headers.Remove(HeaderNames.ContentDisposition);
        response.Headers.Remove(HeaderNames.ETag);
        response.Headers.Remove(HeaderNames.LastModified);
        await TypedResults.Problem(statusCode: StatusCodes.Status416RangeNotSatisfiable, title: "Range not satisfiable",
            detail: $"{file.FileDownloadName} has {response.GetTypedHeaders().ContentRange?.Length} bytes; the Range header asks for bytes beyond "
                + "its end. Ask for a range that starts before the end, or send no Range for the whole file.").ExecuteAsync(httpContext);
    }
}

/// <summary>A file of a release's dataset; <see cref="Rows"/> is null for files that are not a table.</summary>
public sealed record DatasetFileDto(string Name, string? Table, string Format, string MediaType, long Bytes, string Sha256, long? Rows, string Url);

/// <summary>The files of a release's dataset.</summary>
public sealed record DatasetDto(string ReleaseId, DateTimeOffset CreatedAt, string License, IReadOnlyList<DatasetFileDto> Files);
