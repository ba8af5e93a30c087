using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Tarjama.Server.CatTools;
using Tarjama.Server.DeepL;
using Tarjama.Server.Jobs;
using Tarjama.Translation;

namespace Tarjama.Server;

/// <summary>The HTTP service: LibreTranslate's API, our additions and the web page, over the given translators.
/// Stopping it finishes the requests in flight, then the queued engine work.</summary>
public sealed class TarjamaServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LanguagePairs _pairs;

    private TarjamaServer(WebApplication app, LanguagePairs pairs, Uri address)
    {
        _app = app;
        _pairs = pairs;
        Address = address;
    }

    /// <summary>Where the service listens, e.g. http://127.0.0.1:5000/.</summary>
    public Uri Address { get; }

    /// <summary>Starts listening; the server owns the translators' queues (not their models) from here on.</summary>
    public static async Task<TarjamaServer> StartAsync(ServerSettings settings, IReadOnlyList<BatchingTranslator> translators, CancellationToken cancellationToken = default)
    {
        settings.Validate();
        var pairs = new LanguagePairs(translators);
        WebApplication? app = null;
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            Configure(builder, settings, pairs);
            app = builder.Build();
            var metrics = app.Services.GetRequiredService<ServerMetrics>();
            app.Use(KestrelErrorBodies.MarkAppRequest);
            app.Use(metrics.Measure);
            app.UseMiddleware<ErrorEdge>();
            app.Use(ServerWideOptions.Answer);
            app.UseStatusCodePages(context => ErrorEdge.WriteStatus(context.HttpContext));
            app.UseCors();
            var routes = HeadAsGet.Routes(app);
            app.Services.GetRequiredService<TranslateEndpoints>().Map(routes);
            app.Services.GetRequiredService<FileEndpoints>().Map(routes);
            app.Services.GetRequiredService<JobEndpoints>().Map(routes);
            app.Services.GetRequiredService<ServiceEndpoints>().Map(routes);
            app.Services.GetRequiredService<GlossaryEndpoints>().Map(routes);
            app.Services.GetRequiredService<PostEditEndpoints>().Map(routes);
            app.Services.GetRequiredService<MergeEndpoints>().Map(routes);
            app.Services.GetRequiredService<DeepLTranslateEndpoints>().Map(routes);
            app.Services.GetRequiredService<DeepLDocumentEndpoints>().Map(routes);
            app.Services.GetRequiredService<DeepLGlossaryEndpoints>().Map(routes);
            app.Services.GetRequiredService<OpusCatEndpoints>().Map(routes);
            app.Services.GetRequiredService<ApertiumEndpoints>().Map(routes);
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e)
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            pairs.Dispose();
            // A port already taken is the operator's to fix: say so plainly.
            throw e is IOException ? new TarjamaException(e.Message, e) : e;
        }
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TarjamaServer(app, pairs, new Uri(address.TrimEnd('/') + "/"));
    }

    private static void Configure(WebApplicationBuilder builder, ServerSettings settings, LanguagePairs pairs)
    {
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning); // serve prints its own start line
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = settings.DrainTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(settings.Host, settings.Port, listen => listen.Use(KestrelErrorBodies.Watch));
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxUploadBytes;
            kestrel.Limits.RequestHeadersTimeout = settings.RequestHeadersTimeout;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(settings.MinBodyBytesPerSecond, TimeSpan.FromSeconds(5));
        });
        builder.Services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = settings.MaxUploadBytes;
            form.ValueLengthLimit = (int)Math.Min(int.MaxValue, settings.MaxBodyBytes);
        });
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (settings.CorsOrigins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. settings.CorsOrigins]);
            }
            // Every method the API uses: a browser page that submits jobs or glossaries deletes them too.
            policy.WithMethods("GET", "POST", "DELETE").WithHeaders("Authorization", "Content-Type").WithExposedHeaders("Retry-After", MergeEndpoints.WarningHeader).SetPreflightMaxAge(TimeSpan.FromDays(20));
        }));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(pairs);
        builder.Services.AddSingleton<AccessGuard>();
        builder.Services.AddSingleton<Admission>();
        builder.Services.AddSingleton<MemoryBudget>();
        builder.Services.AddSingleton<SupportedFiles>();
        builder.Services.AddSingleton(_ => new TranslatedFileStore(settings.FileRetention, settings.MaxStoredFileBytes));
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<TranslateEndpoints>();
        builder.Services.AddSingleton<FileEndpoints>();
        builder.Services.AddSingleton<ServiceEndpoints>();
        builder.Services.AddSingleton(_ => new Terminology.GlossaryStore());
        builder.Services.AddSingleton<GlossaryEndpoints>();
        builder.Services.AddSingleton<PostEditEndpoints>();
        builder.Services.AddSingleton<MergeEndpoints>();
        builder.Services.AddSingleton<DeepLUsage>();
        builder.Services.AddSingleton<DeepLTranslateEndpoints>();
        builder.Services.AddSingleton(_ => new ServerJobs(settings, pairs));
        builder.Services.AddSingleton<JobEndpoints>();
        builder.Services.AddSingleton<DeepLDocumentEndpoints>();
        builder.Services.AddSingleton<DeepLGlossaryEndpoints>();
        builder.Services.AddSingleton<OpusCatEndpoints>();
        builder.Services.AddSingleton<ApertiumEndpoints>();
    }

    /// <summary>Every route the server maps, as "METHOD /pattern"; HEAD, which every GET route takes, is left out.</summary>
    internal IReadOnlyList<string> Routes => _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(method => method != HttpMethods.Head)
            .Select(method => $"{method} /{e.RoutePattern.RawText!.TrimStart('/')}"))
        .ToList();

    /// <summary>Completes when the host is asked to stop (SIGTERM, Ctrl+C) and has finished the requests in flight.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _pairs.Dispose();
    }
}
