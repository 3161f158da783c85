using System.Security.Claims;
using System.Text.Encodings.Web;
using KzRights.Data.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace KzRights.Api.Infrastructure;

/// <summary>API keys through ASP.NET Core authentication: <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>.
/// No key: the caller is anonymous (reads stay keyless). A key that is malformed, unknown or revoked: 401 on every
/// route, so a client never silently falls back to the anonymous budget. Admin routes need the <c>admin</c> scope: no
/// key 401, another scope 403, both problem+json.</summary>
public static class ApiKeys
{
    public const string Scheme = "ApiKey";
    public const string AdminPolicy = "admin";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "scope";

    public static IServiceCollection AddKzRightsApiKeys(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(Scheme, _ => { });
        // ASP.NET Core's handler base logs each authentication, challenge and refusal at Information under the handler's own
        // name (outside the Microsoft.* categories held at Warning): up to four lines for one request with a bad key, which
        // the request's own log line already reports as 401.
        services.Configure<LoggerFilterOptions>(o => o.AddFilter(typeof(ApiKeyHandler).FullName, LogLevel.Warning));
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireClaim(ScopeClaim, ApiKeyScopes.Admin));
        services.ConfigureSwaggerGen(o =>
        {
            o.AddSecurityDefinition(Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (kzr_…) created with `keys create`; X-Api-Key: <key> is accepted too.",
            });
            o.OperationFilter<KeyRequirementDocumentation>();
        });
        return services;
    }

    /// <summary>After CORS and before the rate limiter (whose budget depends on the key).</summary>
    public static IApplicationBuilder UseKzRightsApiKeys(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.Use(async (http, next) =>
        {
            // The authentication middleware keeps only successes; the handler remembers its result for the request.
            if ((await http.AuthenticateAsync(Scheme)).Failure is not null)
            {
                await http.ChallengeAsync(Scheme);
                return;
            }

            await next(http);
        });
        return app.UseAuthorization();
    }

    /// <summary>The key sent with the request: <c>Authorization: Bearer</c> first, else <c>X-Api-Key</c>; null when neither
    /// is sent. A <c>Bearer</c> without a token or an empty <c>X-Api-Key</c> is a key too (the empty one), so it is refused
    /// rather than read as no key. An <c>Authorization</c> header of another scheme (<c>Basic …</c>) is not ours and is not read.</summary>
    private static string? SentKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString().Trim();
        var scheme = authorization.Split([' ', '\t'], 2)[0];
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[scheme.Length..].Trim();
        }

        return request.Headers.TryGetValue(HeaderName, out var key) ? key.ToString().Trim() : null;
    }

    private sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (SentKey(Request) is not { } sent)
            {
                return AuthenticateResult.NoResult();
            }

            if (sent.Length == 0)
            {
                return AuthenticateResult.Fail("The API key is empty: send Authorization: Bearer <key> or X-Api-Key: <key>, or neither to read anonymously.");
            }

            var key = await Context.RequestServices.GetRequiredService<ApiKeyStore>().VerifyAsync(sent, Context.RequestAborted);
            if (key is null)
            {
                return AuthenticateResult.Fail("The API key is not valid: malformed, unknown or revoked.");
            }

            Context.Items[Caller.KeyIdItem] = key.Id;
            Claim[] claims = [new(ClaimTypes.NameIdentifier, key.Id), new(ClaimTypes.Name, key.Name), new(ScopeClaim, key.Scope)];
            var identity = new ClaimsIdentity(claims, ApiKeys.Scheme);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeys.Scheme));
        }

        protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            var failure = (await Context.AuthenticateAsync(ApiKeys.Scheme)).Failure;
            Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
            await WriteProblemAsync(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "Unauthorized",
                failure?.Message ?? "This operation needs an API key: send Authorization: Bearer <key> or X-Api-Key: <key>.");
        }

        protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
            WriteProblemAsync(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Forbidden",
                $"This operation needs a key with the {ApiKeyScopes.Admin} scope; this key has scope {Context.User.FindFirstValue(ScopeClaim)}.");

        private Task WriteProblemAsync(int status, string code, string title, string detail)
        {
            Response.StatusCode = status;
            return Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = Context,
                ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } },
            }).AsTask();
        }
    }

    /// <summary>Operations that need a key say so: the security requirement and the 401 and 403 problems.</summary>
    private sealed class KeyRequirementDocumentation : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
            {
                return;
            }

            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
            operation.Responses ??= [];
            var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
            foreach (var (status, description) in new[]
            {
                ("401", "Unauthorized: no API key, or one that is malformed, unknown or revoked (code UNAUTHORIZED)."),
                ("403", "Forbidden: the key's scope does not allow this operation (code FORBIDDEN)."),
            })
            {
                operation.Responses[status] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal)
                    {
                        ["application/problem+json"] = new OpenApiMediaType { Schema = problem },
                    },
                };
            }
        }
    }
}
