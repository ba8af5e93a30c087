using System.Text.RegularExpressions;

namespace Tarjama.Hub;

/// <summary>A Hub model repository, <c>owner/name</c>, held to the characters the Hub allows.</summary>
public readonly partial record struct RepoId(string Owner, string Name)
{
    private const string CacheFolderPrefix = "models--";

    /// <summary>The repository's folder in the hub cache, as huggingface_hub names it.</summary>
    public string CacheFolderName => $"{CacheFolderPrefix}{Owner}--{Name}";

    public override string ToString() => $"{Owner}/{Name}";

    public static bool TryParse(string text, out RepoId repo)
    {
        var parts = text.Split('/');
        repo = default;
        if (text.Length > 96 || parts.Length != 2 || !parts.All(IsValidPart))
        {
            return false;
        }

        repo = new RepoId(parts[0], parts[1]);
        return true;
    }

    /// <summary>Reads a cache folder name back into a repository, or null for folders that are not model repositories.</summary>
    public static RepoId? FromCacheFolderName(string folderName)
    {
        if (!folderName.StartsWith(CacheFolderPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = folderName[CacheFolderPrefix.Length..].Split("--");
        return parts.Length == 2 && parts.All(IsValidPart) ? new RepoId(parts[0], parts[1]) : null;
    }

    // Like huggingface_hub's validate_repo_id: word characters, '-' and '.', no "--" or "..", not at an edge.
    private static bool IsValidPart(string part) =>
        PartPattern().IsMatch(part) && !part.Contains("--", StringComparison.Ordinal) && !part.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$")]
    private static partial Regex PartPattern();
}
