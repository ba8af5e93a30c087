using Tarjama.Text;

namespace Tarjama.Tests.Text;

public class VerbatimSpansTests
{
    private static string[] InSource(string text, params string[] user) =>
        [.. new VerbatimSpans(user).FindInSource(text).Select(span => span.Of(text))];

    [Theory]
    [InlineData("انظر https://example.com/a?b=1&c=2. ثم", new[] { "https://example.com/a?b=1&c=2" })]
    [InlineData("(see www.example.org/page)، and", new[] { "www.example.org/page" })]
    [InlineData("راسلنا على news.desk@example.co.uk اليوم", new[] { "news.desk@example.co.uk" })]
    [InlineData("مرحبا {{name}} و{{ date }}", new[] { "{{name}}", "{{ date }}" })]
    [InlineData("نص فيه [3] و[ 12 ] مسبقا", new[] { "[3]", "[ 12 ]" })]
    [InlineData("https://en.wikipedia.org/wiki/Rust_(programming_language) here", new[] { "https://en.wikipedia.org/wiki/Rust_(programming_language)" })]
    public void FindsUrlsEmailsMarkersAndPlaceholderLookalikes(string text, string[] expected) => Assert.Equal(expected, InSource(text));

    [Fact]
    public void FindsTheUsersStringsLongestFirst() =>
        Assert.Equal(["الشرع", "Tarjama Pro"], InSource("قال الشرع إن Tarjama Pro جيد", "Tarjama", "Tarjama Pro", "الشرع", ""));

    [Theory]
    [InlineData("منذ 80 عاما و3.5 و1,000 و10:30 و2024-05-12 و٣٫٥", new[] { "80", "3.5", "1,000", "10:30", "2024-05-12", "٣٫٥" })]
    [InlineData("G20 و2020م وF-16 وMP3", new[] { "16" })]
    public void FindsNumbersThatAreNotPartOfWords(string text, string[] expected) =>
        Assert.Equal(expected, VerbatimSpans.FindNumbers(text).Select(span => span.Of(text)));
}
