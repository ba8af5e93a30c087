using System.Security.Cryptography;
using System.Text;
using Tarjama.Translation;

namespace Tarjama.Jobs;

/// <summary>The key a finished segment translation is stored under: a hash of the model with its options (the
/// fingerprint) and the masked model input, so the same segment through the same model is translated once.</summary>
public static class SegmentKey
{
    /// <summary>What makes a model's outputs what they are: the model as named, its variant, target and decoding settings.</summary>
    public static string Fingerprint(string model, TranslatorOptions options) =>
        $"{model}|{options.DType}|{options.DecoderForm}|{options.TargetLanguage}|{options.Generation}";

    public static string Of(string fingerprint, string modelInput) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint + "\0" + modelInput)));
}
