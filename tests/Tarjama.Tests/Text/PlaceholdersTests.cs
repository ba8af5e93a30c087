using CsCheck;
using Tarjama.Text;

namespace Tarjama.Tests.Text;

public class PlaceholdersTests
{
    private const PlaceholderKind V = PlaceholderKind.Verbatim;
    private const PlaceholderKind O = PlaceholderKind.Open;
    private const PlaceholderKind C = PlaceholderKind.Close;
    private const PlaceholderKind A = PlaceholderKind.Atomic;

    /// <summary>Restored parts as a string, placeholders written back as {index}; the source had spaces around each.</summary>
    private static string Restore(string input, string output, params PlaceholderKind[] kinds) =>
        Written(Placeholders.Restore(input, output, kinds, Spaced(kinds.Length)));

    private static SourceSpacing[] Spaced(int count) => [.. Enumerable.Repeat(new SourceSpacing(true, true), count)];

    /// <summary>As <see cref="Restore"/>, with what the source had around each placeholder.</summary>
    private static string RestoreSpaced(string input, string output, PlaceholderKind[] kinds, params SourceSpacing[] spacing) =>
        Written(Placeholders.Restore(input, output, kinds, spacing));

    private static string Written(IEnumerable<RestoredPart> parts) => string.Concat(parts.Select(part => part.Text ?? $"{{{part.Placeholder}}}"));

    [Fact]
    public void KeepsPlaceholdersWhereTheModelPutThem() =>
        Assert.Equal("said {0}the source{1} that {2}", Restore("قال [1] المصدر [2] إن [3]", "said [1] the source [2] that [3]", O, C, V));

    [Fact]
    public void LetsVerbatimTextMoveButNotMarkup() =>
        Assert.Equal("on {1} {0}", Restore("في [1] [2]", "on [2] [1]", V, V));

    [Fact]
    public void ReadsPlaceholdersTheModelSpacedOrWroteInArabicDigits() =>
        Assert.Equal("{0}كلمة{1}", Restore("[1] word [2]", "[ ١ ]كلمة[٢ ]", O, C));

    [Fact]
    public void DropsDuplicatesAndKeepsInventedNumbersAsText() =>
        Assert.Equal("{0} and again [7]", Restore("[1] و", "[1] and [1]again [7]", V));

    [Theory]
    [InlineData("[1]٪ في عام [2]", "[1][2]", "{0} {1}")]
    [InlineData("[1] و [2]", "[2][1]", "{1} {0}")]
    [InlineData("[1][2] و", "[1][2] and", "{0}{1} and")]
    [InlineData("في [1]", "in [1]2 and 3[1]", "in {0} 2 and 3")]
    [InlineData("في [1] عام", "in 2[1] year", "in 2 {0} year")]
    [InlineData("في [1]", "in [1]%", "in {0}%")]
    [InlineData("في [1]", "in [1]km", "in {0}km")]
    public void NeverGluesVerbatimTextToDigitsOrOtherVerbatimText(string input, string output, string expected) =>
        Assert.Equal(expected, Restore(input, output, [.. Enumerable.Repeat(V, input.Count(c => c == '['))]));

    [Theory]
    [InlineData("[1] [2] [3] [4]", "[1][2][3][4]", "{0} {1}{2}{3}", new[] { V, O, V, C })]
    [InlineData("[1] [2] [3] [4]", "[1][2][3][4]", "{0}{1}{2} {3}", new[] { O, V, C, V })]
    public void SeparatesGluedVerbatimTextOutsideTheMarkupBetween(string input, string output, string expected, PlaceholderKind[] kinds) =>
        Assert.Equal(expected, Restore(input, output, kinds));

    [Fact]
    public void PutsLostVerbatimTextBackAtItsRelativePlace() =>
        Assert.Equal("more than {0} years ago", Restore("منذ أكثر من [1] عاما", "more than years ago", V));

    [Fact]
    public void PlacesLostMarkupAroundWordsInOrder()
    {
        var restored = Restore("قال [1] المصدر [2] إن الخبر صحيح", "the source said the news is true", O, C);
        Assert.Matches(@"^[^{}]*\{0\}[^{} ][^{}]*\{1\}[^{}]*$", restored);
    }

    [Fact]
    public void PlacesReorderedMarkupAgainInOrder()
    {
        var restored = Restore("[1] أ [2] ب [3]", "[3] A [2] B [1]", O, C, A);
        Assert.True(restored.IndexOf("{0}") < restored.IndexOf("{1}") && restored.IndexOf("{1}") < restored.IndexOf("{2}"), restored);
    }

    [Fact]
    public void KeepsAPairAroundSomethingWhenTheModelEmptiedIt()
    {
        var restored = Restore("[1] نص [2] آخر", "[1][2] some text", O, C);
        Assert.Matches(@"\{0\}\S+\{1\}", restored);
    }

    [Fact]
    public void PutsEverythingBackWhenTheModelReturnsNothing() =>
        Assert.Equal("{0}{1}{2}", Restore("[1] نص [2] [3]", "", O, C, V));

    [Fact]
    public void MovesSpacesFromInsideMarkupToOutside() =>
        Assert.Equal("a {0}b{1}, c", Restore("أ [1] ب [2]، ج", "a [1] b [2] , c".Replace(" ,", ","), O, C));

    [Fact]
    public void AnAtomicCodeRightAfterClosingMarkupGetsNoSecondSpace() =>
        Assert.Equal("{0}a b{1}{2} c", RestoreSpaced("[1] أ ب [2][3] ج", "[1] a b [2] [3] c", [O, C, A], new(true, false), new(false, true), new(false, true)));

    [Theory]
    [InlineData(false, true, "a [1] b", "a{0} b")]
    [InlineData(false, true, "a [1]b", "a{0} b")]
    [InlineData(true, false, "a [1] b", "a {0}b")]
    [InlineData(true, false, "a[1] b", "a {0}b")]
    [InlineData(false, false, "a [1] b", "a{0} b")]
    [InlineData(false, false, "a [1]b", "a {0}b")]
    [InlineData(true, true, "a [1] b", "a {0} b")]
    [InlineData(true, true, "a[1]b", "a{0}b")]
    public void AnAtomicCodeGainsNoSpaceOnASideTheSourceHadNoneButKeepsTheTargetWordsApart(bool before, bool after, string output, string expected) =>
        Assert.Equal(expected, RestoreSpaced("أ [1] ب", output, [A], new SourceSpacing(before, after)));

    [Fact]
    public void AnAtomicCodeGluedOnBothSidesInsideMarkupStaysInside() =>
        Assert.Equal("a {0}{1}w{2} b", RestoreSpaced("أ [1][2] و [3] ب", "a [1] [2] w [3] b", [O, A, C], new(true, false), new(false, false), new(false, true)));

    [Fact]
    public void RestoresEveryPlaceholderOnceAndMarkupInOrderWhateverTheModelReturns()
    {
        var kinds = Gen.OneOf(V, O, C, A).Array[0, 8];
        var junk = Gen.OneOf("", " ", "x", "كلمة", "[", "]", "[0]", "[99]", "  ", ".", "<", "**");
        var gen = Gen.Select(kinds, Gen.Int.Array[0, 12], junk.Array[0, 12], Gen.Bool.Array[16]);
        gen.Sample((kindList, order, noise, spaced) =>
        {
            var input = string.Join(" w ", Enumerable.Range(0, kindList.Length).Select(Placeholders.Token));
            var tokens = order.Where(i => kindList.Length > 0).Select(i => Placeholders.Token(Math.Abs(i % Math.Max(kindList.Length, 1)))).ToList();
            var output = string.Concat(tokens.Select((token, i) => noise.ElementAtOrDefault(i) + token)) + string.Concat(noise.Skip(tokens.Count));
            var spacing = Enumerable.Range(0, kindList.Length).Select(i => new SourceSpacing(spaced[2 * i], spaced[(2 * i) + 1])).ToList();
            var parts = Placeholders.Restore(input, output, kindList, spacing);
            var restored = parts.Where(part => part.Text is null).Select(part => part.Placeholder).ToList();
            Assert.Equal(Enumerable.Range(0, kindList.Length), restored.Order());
            var markup = restored.Where(index => kindList[index] != V).ToList();
            Assert.Equal(markup.Order(), markup);
        }, iter: 2000);
    }
}
