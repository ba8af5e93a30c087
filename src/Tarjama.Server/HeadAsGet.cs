namespace Tarjama.Server;

/// <summary>HTTP has every GET resource answer HEAD too (RFC 9110 9.3.2): the same status and headers without the body.
/// One convention over every route, so no endpoint can forget it: a route that takes GET takes HEAD, runs as GET would,
/// and Kestrel drops what it writes to the body of a HEAD answer.</summary>
internal static class HeadAsGet
{
    /// <summary>Routes mapped under the returned builder answer HEAD wherever they answer GET.</summary>
    public static IEndpointRouteBuilder Routes(WebApplication app)
    {
        var routes = app.MapGroup("");
        ((IEndpointConventionBuilder)routes).Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return routes;
    }
}
