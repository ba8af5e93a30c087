namespace Tarjama;

/// <summary>Translates plain-text segments (sentences) one for one, results in input order.</summary>
/// <remarks>The seam between document handling and the engine: documents, the server and evaluation
/// only see this, so each can be tested with a stand-in and run with the real engine.</remarks>
public interface ISegmentTranslator
{
    /// <summary>Language code of the text this translator reads, e.g. "ar".</summary>
    string SourceLanguage { get; }

    /// <summary>Language code of the text this translator writes, e.g. "en".</summary>
    string TargetLanguage { get; }

    IReadOnlyList<string> Translate(IReadOnlyList<string> segments, CancellationToken cancellationToken = default);
}
