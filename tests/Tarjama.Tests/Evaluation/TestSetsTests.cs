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
    public void Finds_shared_data_above_the_start_folder()
    {
        string data = Directory.CreateDirectory(Path.Combine(_root, "shared", "data")).FullName;
        string start = Directory.CreateDirectory(Path.Combine(_root, "work", "repo", "src")).FullName;

        Assert.Equal(data, TestSets.FindDataFolder(null, [start]));
    }

    [Fact]
    public void The_environment_variable_comes_first()
    {
        Directory.CreateDirectory(Path.Combine(_root, "shared", "data"));

        Assert.Equal(_root, TestSets.FindDataFolder(_root, [_root]));
        Assert.Throws<TarjamaException>(() => TestSets.FindDataFolder(Path.Combine(_root, "missing"), [_root]));
    }

    [Fact]
    public void No_data_folder_is_an_error_that_names_the_variable()
    {
        var error = Assert.Throws<TarjamaException>(() => TestSets.FindDataFolder(null, [_root]));

        Assert.Contains(TestSets.DataVariable, error.Message);
    }
}
