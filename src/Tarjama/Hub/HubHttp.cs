using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;

namespace Tarjama.Hub;

/// <summary>
/// HTTP to the Hub and its CDN: the token goes only to the Hub's own host, redirects are followed by hand (relative
/// ones always, as for a renamed repository; absolute ones only toward file bytes), and transient failures — lost
/// connections, timeouts, 429 and 5xx answers — are retried with exponential backoff.
/// </summary>
internal sealed class HubHttp(HubSettings settings, TimeSpan firstRetryDelay)
{
    private const int MaxTries = 5;
    private const int MaxRedirects = 10;
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(30);

    private static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    private static readonly string UserAgent =
        $"tarjama/{typeof(HubHttp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0"}";

    public HubSettings Settings => settings;

    /// <summary>An address on the Hub endpoint (which may carry a path prefix, as mirrors do).</summary>
    public Uri Address(string relative) => new($"{settings.Endpoint.AbsoluteUri.TrimEnd('/')}/{relative}");

    /// <summary>
    /// Sends one request, following redirects; throws <see cref="TransientHubException"/> for answers worth retrying
    /// and returns every other answer, successful or not, for the caller to read.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, bool followAbsoluteRedirects, CancellationToken cancellationToken, long rangeFrom = 0)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.UserAgent.ParseAdd(UserAgent);
            // As huggingface_hub asks: uncompressed bytes, so sizes and etags describe the file itself.
            request.Headers.AcceptEncoding.ParseAdd("identity");
            // A redirect target on another host is a signed CDN address: it must never see the user's token.
            if (settings.Token is { } token && uri.Host == settings.Endpoint.Host && uri.Port == settings.Endpoint.Port)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (rangeFrom > 0)
            {
                request.Headers.Range = new RangeHeaderValue(rangeFrom, null);
            }

            var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (IsTransient(response.StatusCode))
            {
                var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                response.Dispose();
                throw new TransientHubException($"{uri.Host} answered {status}");
            }

            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location || hop == MaxRedirects
                || (location.IsAbsoluteUri && !followAbsoluteRedirects))
            {
                return response;
            }

            response.Dispose();
            uri = new Uri(uri, location);
        }
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds or fails for good. A try that moved <paramref name="progress"/>
    /// forward earns a fresh set of retries, so a long download survives many short outages.
    /// </summary>
    public async Task<T> WithRetriesAsync<T>(Func<Task<T>> attempt, Func<long> progress, CancellationToken cancellationToken)
    {
        var failures = 0;
        var lastProgress = progress();
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                var now = progress();
                failures = now > lastProgress ? 1 : failures + 1;
                lastProgress = now;
                if (failures >= MaxTries)
                {
                    throw new TarjamaException(
                        $"could not reach the Hub at {settings.Endpoint}: {e.Message} (gave up after {MaxTries} tries; "
                        + "check the connection or HF_ENDPOINT, or set HF_HUB_OFFLINE=1 to use cached models only)", e);
                }

                await Task.Delay(DelayBeforeRetry(failures), cancellationToken);
            }
        }
    }

    public Task<T> WithRetriesAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken) =>
        WithRetriesAsync(attempt, () => 0, cancellationToken);

    private TimeSpan DelayBeforeRetry(int failures)
    {
        var delay = firstRetryDelay * Math.Pow(2, failures - 1);
        return delay < LongestRetryDelay ? delay : LongestRetryDelay;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    // A timeout surfaces as a cancellation nobody asked for; a dropped connection as an IOException mid-body.
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        TransientHubException or HttpRequestException or HttpIOException => true,
        IOException { InnerException: SocketException } => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}

/// <summary>A failure that may pass if the same request is made again.</summary>
internal sealed class TransientHubException(string message) : Exception(message);
