using System.Security.Cryptography;
using System.Text;

namespace Tarjama.Tests.Hub;

/// <summary>A repository the fake hub serves: file contents by repository path, a commit, and how the Hub would hash each file.</summary>
internal sealed class FakeRepo(string id, IReadOnlyDictionary<string, byte[]> files)
{
    public static readonly string FixtureFolder = Path.Combine(AppContext.BaseDirectory, "fixtures", "reference-tiny-marian");

    public string Id { get; } = id;

    public string Commit { get; } = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(id)));

    public IReadOnlyDictionary<string, byte[]> Files { get; } = files;

    /// <summary>When set, the repository is gated: file requests need <c>Authorization: Bearer</c> with this token.</summary>
    public string? RequiredToken { get; init; }

    /// <summary>
    /// The fixture model as a transformers.js export: every fixture file (including ones the engine must not fetch),
    /// a README, and q8 files with the fp32 bytes so that blobs are shared.
    /// </summary>
    public static FakeRepo FromFixture(string id, string? requiredToken = null)
    {
        var files = Directory.EnumerateFiles(FixtureFolder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(FixtureFolder, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes);
        files["README.md"] = Encoding.UTF8.GetBytes("---\nlibrary_name: transformers.js\n---\n");
        files["onnx/encoder_model_quantized.onnx"] = files["onnx/encoder_model.onnx"];
        files["onnx/decoder_model_merged_quantized.onnx"] = files["onnx/decoder_model_merged.onnx"];
        return new FakeRepo(id, files) { RequiredToken = requiredToken };
    }

    // As on the Hub, ONNX weights and SentencePiece models are LFS files; the rest is kept in git.
    public static bool IsLfs(string path) => path.EndsWith(".onnx", StringComparison.Ordinal) || path.EndsWith(".spm", StringComparison.Ordinal);

    /// <summary>The etag the Hub gives the file's bytes: SHA-256 for LFS files, the git blob id otherwise.</summary>
    public string EtagOf(string path) => IsLfs(path) ? Sha256(Files[path]) : GitBlobId(Files[path]);

    /// <summary>The git blob id of the LFS pointer, which the Hub sends as ETag beside X-Linked-Etag.</summary>
    public string PointerEtagOf(string path) =>
        GitBlobId(Encoding.ASCII.GetBytes($"version https://git-lfs.github.com/spec/v1\noid sha256:{Sha256(Files[path])}\nsize {Files[path].Length}\n"));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string GitBlobId(byte[] bytes) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"), .. bytes]));
}
