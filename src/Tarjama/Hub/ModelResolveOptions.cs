using Tarjama.Models;
namespace Tarjama.Hub;

/// <summary>Which version of a model to use, where the cache and Hub are, and who hears about downloads.</summary>
public sealed record ModelResolveOptions
{
    /// <summary>Usually <see cref="HubSettings.FromEnvironment"/>.</summary>
    public required HubSettings Hub { get; init; }

    /// <summary>A branch, tag or commit hash of the repository.</summary>
    public string Revision { get; init; } = "main";

    public ModelDtype Dtype { get; init; } = ModelDtype.Fp32;

    public IPullObserver? Observer { get; init; }

    /// <summary>The wait before the first retry of a transient failure; each later retry waits twice as long.</summary>
    internal TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
