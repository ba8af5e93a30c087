using Tarjama.Evaluation;

namespace Tarjama.Tests.Evaluation;

/// <summary>Runs on test sets written to a temporary folder: the project's tests never need the shared data folder.</summary>
public sealed class TestSetsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tarjama-testsets-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string WriteNtrex(string dataFolder, int documentIds = 3)
    {
        string folder = Directory.CreateDirectory(Path.Combine(dataFolder, "ntrex128")).FullName;
        File.WriteAllText(Path.Combine(folder, "ntrex128.arb.txt"), "واحد\r\nاثنان \r\nثلاثة\r\n");
        File.WriteAllText(Path.Combine(folder, "ntrex128.eng.txt"), "one\r\ntwo\r\nthree\r\n");
        File.WriteAllLines(Path.Combine(folder, "DOCUMENT_IDS.tsv"), new[] { "d1", "d1", "d2", "d3" }[..documentIds]);
        return dataFolder;
    }

    [Fact]
    public void Loads_both_sides_and_the_documents_with_trailing_whitespace_removed()
    {
        var set = TestSets.Load("ntrex128", WriteNtrex(_root));

        Assert.Equal(["واحد", "اثنان", "ثلاثة"], set.Side("ar"));
        Assert.Equal(["one", "two", "three"], set.Side("en"));
        Assert.Equal(["d1", "d1", "d2"], set.DocumentIds);
    }

    [Fact]
    public void Misaligned_files_are_an_error()
    {
        Assert.Throws<TarjamaException>(() => TestSets.Load("ntrex128", WriteNtrex(_root, documentIds: 4)));
    }

    [Fact]
    public void Unknown_test_sets_and_languages_are_errors()
    {
        Assert.Throws<TarjamaException>(() => TestSets.Load("wmt14", _root));
        Assert.Throws<TarjamaException>(() => TestSets.Load("ntrex128", WriteNtrex(_root)).Side("fr"));
    }

    [Fact]
    public void The_data_folder_is_the_one_the_variable_names()
    {
        Assert.Equal(_root, TestSets.FindDataFolder(_root));
        var missing = Assert.Throws<TarjamaException>(() => TestSets.FindDataFolder(Path.Combine(_root, "missing")));
        Assert.Equal($"TARJAMA_DATA={Path.Combine(_root, "missing")}: no such folder", missing.Message);
    }

    [Fact]
    public void Without_the_variable_no_folder_is_looked_for_and_the_error_names_it()
    {
        var error = Assert.Throws<TarjamaException>(() => TestSets.FindDataFolder(null));
        Assert.Equal("the test sets are not part of Tarjama: set TARJAMA_DATA to the folder that holds ntrex128/ and tatoeba/", error.Message);
    }
}
