using System.Text.RegularExpressions;
using Tarjama.Hub;

namespace Tarjama.Tests.Documentation;

/// <summary>docs/models.md's catalogue table is <c>models list</c>'s: every model, in order, with its repository, size
/// and licence (it had listed four of eight).</summary>
public class DocumentedCatalogueTests
{
    [Fact]
    public void The_catalogue_table_lists_every_catalogue_model_as_models_list_does()
    {
        var rows = Regex.Matches(UserDocs.Read("docs/models.md"), @"^\| `([^`]+)` \| `([^`]+)` \| [^|]+ \| ([^|]+) \| ([^|]+) \|$", RegexOptions.Multiline)
            .Select(row => (Name: row.Groups[1].Value, Repo: row.Groups[2].Value, Size: row.Groups[3].Value, Licence: row.Groups[4].Value));
        var catalogue = ModelCatalog.Models.Select(model => (model.Name, Repo: model.Repo.ToString(), Size: model.ApproximateSize, model.Licence));
        Assert.Equal(catalogue, rows);
    }
}
