using Tarjama.Text;

namespace Tarjama.Cli;

/// <summary>What <c>tarjama translate</c> says of a document that is not UTF-8: the library's advice, to convert the
/// file, is true of every file it reads (glossaries, memories); a document can also be read as it is with --encoding.</summary>
internal static class DocumentEncodingAdvice
{
    /// <summary><paramref name="error"/>, advising --encoding when it is a document that is not UTF-8.</summary>
    public static Exception Advised(Exception error) => error is InvalidUtf8Exception notUtf8
        ? notUtf8.Advising("if it is in another encoding, read it as it is with --encoding (e.g. --encoding windows-1256 for Arabic Windows text)")
        : error;
}
