using System.IO.MemoryMappedFiles;
using System.Text.Json;

namespace Tarjama.Conversion;

/// <summary>
/// One <c>.safetensors</c> file: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
/// shape and byte range, then the data. The header is checked against the file before any tensor is read, and the
/// data is memory-mapped, so reading a tensor costs no copy of the file.
/// </summary>
internal sealed unsafe class SafetensorsFile : IDisposable
{
    // Hugging Face's own reader refuses headers above 100 MB; a larger one is not a checkpoint.
    private const long MaxHeaderBytes = 100_000_000;

    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;

    private SafetensorsFile(string path, MemoryMappedFile map, MemoryMappedViewAccessor view, long dataStart, IReadOnlyDictionary<string, CheckpointTensor> tensors)
    {
        Path = path;
        _map = map;
        _view = view;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _base = pointer + view.PointerOffset + dataStart;
        Tensors = tensors.ToDictionary(t => t.Key, t => t.Value with { File = this });
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, CheckpointTensor> Tensors { get; }

    /// <summary>A pointer to the first byte of a tensor; valid while this file is open.</summary>
    public byte* Pointer(long offset) => _base + offset;

    public static SafetensorsFile Open(string path)
    {
        long fileLength;
        long headerLength;
        byte[] header;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            fileLength = stream.Length;
            Span<byte> lengthBytes = stackalloc byte[8];
            if (stream.ReadAtLeast(lengthBytes, 8, throwOnEndOfStream: false) < 8)
            {
                throw new TarjamaException($"{path}: truncated safetensors file ({fileLength} bytes, no header)");
            }
            headerLength = BitConverter.ToInt64(lengthBytes);
            if (headerLength <= 0 || headerLength > MaxHeaderBytes || 8 + headerLength > fileLength)
            {
                throw new TarjamaException($"{path}: not a safetensors file or truncated (header of {headerLength} bytes in a file of {fileLength})");
            }
            header = new byte[headerLength];
            stream.ReadExactly(header);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TarjamaException($"{path}: cannot be read ({e.Message})", e);
        }

        long dataStart = 8 + headerLength;
        var tensors = ParseHeader(path, header, fileLength - dataStart);
        try
        {
            var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            return new SafetensorsFile(path, map, map.CreateViewAccessor(0, fileLength, MemoryMappedFileAccess.Read), dataStart, tensors);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TarjamaException($"{path}: cannot be mapped into memory ({e.Message})", e);
        }
    }

    private static Dictionary<string, CheckpointTensor> ParseHeader(string path, byte[] header, long dataLength)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw new TarjamaException($"{path}: safetensors header is not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new TarjamaException($"{path}: safetensors header is not a JSON object");
            }

            var tensors = new Dictionary<string, CheckpointTensor>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.EnumerateObject().Where(e => e.Name != "__metadata__"))
            {
                var tensor = ParseEntry(path, entry, dataLength);
                tensors[entry.Name] = tensor;
            }

            CheckNoOverlap(path, tensors.Values);
            return tensors;
        }
    }

    private static CheckpointTensor ParseEntry(string path, JsonProperty entry, long dataLength)
    {
        string Where() => $"{path}: tensor '{entry.Name}'";
        try
        {
            var value = entry.Value;
            var dtypeName = value.GetProperty("dtype").GetString() ?? "";
            var dtype = TensorDtypes.ParseSafetensors(dtypeName)
                ?? throw new TarjamaException($"{Where()} has dtype {dtypeName}; the converter reads F32, F16 and BF16");
            var shape = value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var offsets = value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (shape.Any(d => d < 0) || offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0])
            {
                throw new TarjamaException($"{Where()} has a malformed shape or data_offsets");
            }
            long elements = shape.Aggregate(1L, (a, d) => checked(a * d));
            long bytes = checked(elements * dtype.Size());
            if (offsets[1] - offsets[0] != bytes)
            {
                throw new TarjamaException($"{Where()}: its shape [{string.Join(", ", shape)}] of {dtype} needs {bytes} bytes, the header gives {offsets[1] - offsets[0]}");
            }
            if (offsets[1] > dataLength)
            {
                throw new TarjamaException($"{Where()} ends at byte {offsets[1]} of the data, but the file holds only {dataLength}: truncated");
            }
            return new CheckpointTensor(entry.Name, dtype, shape, offsets[0]);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new TarjamaException($"{Where()}: malformed header entry ({e.Message})", e);
        }
    }

    private static void CheckNoOverlap(string path, IEnumerable<CheckpointTensor> tensors)
    {
        long end = 0;
        string? previous = null;
        foreach (var tensor in tensors.Where(t => t.ByteLength > 0).OrderBy(t => t.Offset))
        {
            if (tensor.Offset < end)
            {
                throw new TarjamaException($"{path}: tensors '{previous}' and '{tensor.Name}' overlap in the data");
            }
            end = tensor.Offset + tensor.ByteLength;
            previous = tensor.Name;
        }
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
