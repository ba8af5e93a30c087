using Tarjama.Documents;
using Tarjama.Documents.Docx;
using Tarjama.Documents.Xliff;

namespace Tarjama.Server;

/// <summary>POST /merge_document: an XLIFF file that /translate_document (bilingual=xliff) or <c>tarjama translate
/// --bilingual xliff</c> wrote, as a translator edited it, written back into its document (a Word document too), as
/// <c>tarjama merge</c> does; so a desk that gets XLIFF from the server gets the document back from it.</summary>
internal sealed class MergeEndpoints(ServerSettings settings, AccessGuard access, TranslatedFileStore store, MemoryBudget memory)
{
    /// <summary>The header each merge warning comes in (inline codes moved, dropped or duplicated; unknown units).</summary>
    public const string WarningHeader = "Tarjama-Merge-Warning";

    /// <summary>Most warnings sent as headers; the rest are counted in the last.</summary>
    private const int MaxWarnings = 50;

    public void Map(IEndpointRouteBuilder routes) => routes.MapPost("/merge_document", (Delegate)Merge);

    private async Task<IResult> Merge(HttpContext context)
    {
        var fields = await RequestFields.ReadAsync(context.Request, settings.MaxUploadBytes);
        access.Check(context, fields);
        var file = fields.File("file") ?? throw ApiError.Missing("file");
        if (file.Length == 0)
        {
            throw ApiError.BadRequest("Invalid request: empty file");
        }
        string uploaded = UploadNames.Of(file);
        using var xliffRoom = memory.Reserve(SupportedFiles.Footprint(file, DocumentFormat.Xliff));
        string name = uploaded;
        List<string> warnings = [];
        var output = await store.WriteScratchAsync(answer => DocumentWork.Run(() =>
        {
            XliffFile xliff;
            using (var input = file.OpenReadStream())
            {
                xliff = XliffFile.Read(input, uploaded);
            }
            // The Word document inside is charged for what its XML unpacks to, as an uploaded one is.
            using var wordRoom = xliff.Format == DocumentFormat.Docx ? memory.Reserve(WordSize(xliff.WordPackage())) : null;
            var merged = XliffMerger.Merge(xliff, out var problems);
            merged.WriteTo(answer);
            name = TranslatedNames.Document(WithExtension(UploadNames.Of(xliff.OriginalName), xliff.Format), xliff.SourceLanguage, xliff.TargetLanguage);
            warnings = [.. problems, .. merged.Issues.Select(issue => issue.ToString())];
        }, context.RequestAborted));
        foreach (var warning in warnings.Take(MaxWarnings))
        {
            context.Response.Headers.Append(WarningHeader, HeaderText(warning));
        }
        if (warnings.Count > MaxWarnings)
        {
            context.Response.Headers.Append(WarningHeader, $"and {warnings.Count - MaxWarnings} more");
        }
        return Results.Stream(output, DocumentContentTypes.Of(name), name);
    }

    private static DocumentSize WordSize(byte[] package) =>
        new(package.Length + DocxSize.UnpackedXmlBytes(new MemoryStream(package, writable: false)), DocumentFormat.Docx);

    /// <summary>A document name without an extension (one read from standard input) gets its format's.</summary>
    private static string WithExtension(string name, DocumentFormat format) => Path.HasExtension(name) ? name : name + DocumentFormatDetector.Extension(format);

    /// <summary>A header holds printable ASCII: a unit id from the file could hold anything.</summary>
    private static string HeaderText(string warning) => string.Concat(warning.Select(c => c is >= ' ' and <= '~' ? c : '?'));
}
