using Tarjama.Documents;

namespace Tarjama.Jobs;

/// <summary>What a background job translates: a document (any format <see cref="DocumentTranslator"/> reads) or a
/// batch of texts.</summary>
public enum JobKind
{
    Document,
    Texts,
}

/// <summary>Where a job is: waiting, being translated, or finished one of three ways.</summary>
public enum JobState
{
    Queued,
    Running,
    Done,
    Failed,
    Cancelled,
}

/// <summary>A job as submitted: whose it is, what it translates and how. Stored with the job, so a restarted service
/// runs it again exactly as asked.</summary>
public sealed record JobSpec
{
    /// <summary>Who submitted it (an API key's id, or a client address): only they see it.</summary>
    public required string Owner { get; init; }

    public required JobKind Kind { get; init; }

    /// <summary>The document's file name (its extension can tell the format); "texts" for a batch of texts.</summary>
    public required string Name { get; init; }

    public required string SourceLanguage { get; init; }

    public required string TargetLanguage { get; init; }

    /// <summary>The model that translates it, as the service names it.</summary>
    public required string Model { get; init; }

    /// <summary>How the input is read: for texts, Text or Html; for a document, null to tell from its name and content.</summary>
    public DocumentFormat? Format { get; init; }

    /// <summary>Glossary terms (source, target) enforced on the job, copied at submission so a restart keeps them.</summary>
    public IReadOnlyList<string[]> Glossary { get; init; } = [];

    /// <summary>Whether the service's translation memory is looked up before the model (a request can turn it off).</summary>
    public bool Memory { get; init; } = true;

    /// <summary>A second secret, beside the owner, that a client must show to see the job (DeepL's document key); null for none.</summary>
    public string? AccessKey { get; init; }

    /// <summary>Characters of the input, for usage accounting.</summary>
    public long Characters { get; init; }
}
