namespace Tarjama.Server;

/// <summary>A request the service refuses, with LibreTranslate's status code and message; answered as <c>{"error": message}</c>.</summary>
internal sealed class ApiError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>Extra headers for the answer, such as Retry-After.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static ApiError Missing(string name) => new(StatusCodes.Status400BadRequest, $"Invalid request: missing {name} parameter");

    public static ApiError BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiError NotSupported(string language) => new(StatusCodes.Status400BadRequest, $"{language} is not supported");

    public static ApiError OverLimit(long size, long limit) =>
        new(StatusCodes.Status400BadRequest, $"Invalid request: request ({size}) exceeds text limit ({limit})");
}
