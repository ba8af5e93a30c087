using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Tarjama.Models;

namespace Tarjama.Tests.Documentation;

/// <summary>Every C# example in the documentation is one of <see cref="DocumentedExamples"/> (so it compiles against
/// the library as it is), and docs/library.md's runs on a tiny NLLB model.</summary>
public partial class DocumentedExamplesTests
{
    /// <summary>Blocks that show another library's API: DeepL.net's client, pointed at our server.</summary>
    private static readonly HashSet<string> OtherLibraries = ["docs/integrations.md#1"];

    /// <summary>What the examples here take as parameters that the documentation writes out.</summary>
    private static readonly (string Here, string InTheDocs)[] Givens =
    [
        ("OpenAsync(modelName, new TranslatorOptions { DType = dtype })", "OpenAsync(\"nllb-200-distilled-600M\", new TranslatorOptions { DType = ModelDtype.Q8 })"),
    ];

    public static TheoryData<string> Blocks()
    {
        var blocks = new TheoryData<string>();
        foreach (var file in UserDocs.Files)
        {
            int count = Regex.Matches(UserDocs.Read(file), "^```csharp$", RegexOptions.Multiline).Count;
            for (int n = 1; n <= count; n++)
            {
                if (!OtherLibraries.Contains($"{file}#{n}"))
                {
                    blocks.Add($"{file}#{n}");
                }
            }
        }
        return blocks;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void A_csharp_block_of_the_docs_is_an_example_that_compiles(string block)
    {
        var match = Regex.Match(File.ReadAllText(ExamplesSource()), $@"^( *)// <{Regex.Escape(block)}>\n(.*?)^ *// </{Regex.Escape(block)}>", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(match.Success, $"{block} has no copy in DocumentedExamples.cs: add it there");
        string indent = match.Groups[1].Value;
        string here = string.Concat(match.Groups[2].Value.Split('\n').Select(line => (line.StartsWith(indent, StringComparison.Ordinal) ? line[indent.Length..] : line) + "\n"))[..^1];
        here = Givens.Aggregate(here, (text, given) => text.Replace(given.Here, given.InTheDocs, StringComparison.Ordinal));
        var (file, n) = (block[..block.IndexOf('#')], int.Parse(block[(block.IndexOf('#') + 1)..]));
        string docs = Regex.Matches(UserDocs.Read(file), @"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)[n - 1].Groups[1].Value;
        docs = UsingLines().Replace(docs, ""); // the usings are the examples file's
        Assert.Equal(docs, here);
    }

    [Fact]
    public async Task The_library_example_translates_texts_with_alternatives_and_a_document_into_arabic()
    {
        var (results, arabic) = await DocumentedExamples.Library(Fixtures.Path("models", "tiny-nllb"), ModelDtype.Fp32);
        Assert.Equal(2, results.Count);
        Assert.All(results, result => Assert.InRange(result.Alternatives.Count, 1, 2)); // 3 asked: the best and 2 others
        Assert.StartsWith("# ", arabic); // the heading stays a heading
    }

    private static string ExamplesSource([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "DocumentedExamples.cs");

    [GeneratedRegex(@"\A(?:using [\w.]+;\n)+\n?")]
    private static partial Regex UsingLines();
}
