using System.Text;
using Tarjama.Text;

namespace Tarjama.Tests.Text;

public class Utf8LineReaderTests
{
    [Theory]
    [InlineData("a\nb\n", new[] { "a", "\n", "b", "\n" })]
    [InlineData("a\r\nb", new[] { "a", "\r\n", "b", "" })]
    [InlineData("a\rb\r", new[] { "a", "\r", "b", "\r" })]
    [InlineData("a\r\r\nb\n\r", new[] { "a", "\r", "", "\r\n", "b", "\n", "", "\r" })]
    [InlineData("\r", new[] { "", "\r" })]
    [InlineData("", new string[0])]
    public void ReadsEachLineWithItsOwnEndingHoweverTheBytesArrive(string text, string[] linesAndEnds)
    {
        foreach (int chunk in new[] { 1, 2, 4096 })
        {
            using var reader = new Utf8LineReader(new ChunkedStream(Encoding.UTF8.GetBytes(text), chunk), "in");
            var read = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                read.AddRange([line, reader.LineEnd]);
            }
            Assert.Equal(linesAndEnds, read);
        }
    }

    /// <summary>Gives its bytes <paramref name="chunk"/> at a time, so that a CRLF can fall across two reads.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
