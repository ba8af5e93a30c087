using Tarjama.Evaluation;

namespace Tarjama.Tests.Evaluation;

public class ReferencesTests
{
    [Fact]
    public void Counts_references_per_segment_as_the_signature_writes_them()
    {
        Assert.Equal("2", References.FromStreams([["a", "b"], ["c", "d"]]).CountLabel);
        Assert.Equal("var", References.FromStreams([["a", "b"], ["", "d"]]).CountLabel);
    }

    [Fact]
    public void Empty_references_are_left_out()
    {
        var references = References.FromStreams([["a", ""], ["c", "d"]]);

        Assert.Equal(["d"], references[1]);
    }

    [Fact]
    public void A_segment_without_any_reference_is_an_error()
    {
        var error = Assert.Throws<TarjamaException>(() => References.FromStreams([["a", ""], ["b", ""]]));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Streams_of_different_lengths_are_an_error()
    {
        Assert.Throws<TarjamaException>(() => References.FromStreams([["a", "b"], ["c"]]));
    }

    [Fact]
    public void Hypotheses_must_match_the_references_line_for_line()
    {
        var error = Assert.Throws<TarjamaException>(() => new Bleu().Score(["a"], References.FromStreams([["a", "b"]])));

        Assert.Contains("there is 1 hypothesis but 2 reference lines", error.Message);
    }

    [Fact]
    public void Select_keeps_the_chosen_segments_in_order()
    {
        var references = References.FromStreams([["a", "b", "c"]]).Select([2, 0]);

        Assert.Equal(["c"], references[0]);
        Assert.Equal(["a"], references[1]);
    }
}
