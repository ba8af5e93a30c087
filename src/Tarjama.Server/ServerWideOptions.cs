using Microsoft.AspNetCore.Http.Features;

namespace Tarjama.Server;

/// <summary><c>OPTIONS *</c> asks about the server in general, not a resource (RFC 9110 9.3.7): it is answered 200 with
/// no content and Allow naming every method some route takes, not with the 405 of the route that "*" would reach.</summary>
internal static class ServerWideOptions
{
    public static Task Answer(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsOptions(context.Request.Method) || context.Features.Get<IHttpRequestFeature>()?.RawTarget != "*")
        {
            return next(context);
        }
        var methods = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Append(HttpMethods.Options).Distinct().Order(StringComparer.Ordinal);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers.Allow = string.Join(", ", methods);
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }
}
