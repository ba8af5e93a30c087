using Microsoft.ML.OnnxRuntime;

namespace Tarjama.Engine;

/// <summary>What the decoder reads from the encoder, one row per decoder row: the attention mask, the hidden
/// states, and (after the first step) the cross-attention keys and values. <see cref="Sentences"/> says which
/// encoded sentence each row holds, so rows are only copied when that changes, not when beams swap places.</summary>
internal sealed class EncoderState(OrtValue mask, OrtValue hidden, int sentences, IReadOnlyList<EncodedGroup>? groups = null) : IDisposable
{
    public OrtValue Mask { get; private set; } = mask;
    public OrtValue Hidden { get; private set; } = hidden;
    private bool _hiddenReleased;

    /// <summary>When rows were encoded in groups of similar length, each group's own hidden states (unpadded to the
    /// batch's length) until the hidden states are released; empty otherwise. Rows are the first step's.</summary>
    public IReadOnlyList<EncodedGroup> Groups { get; private set; } = groups ?? [];
    public OrtValue[] CrossCache { get; set; } = [];
    public int[] Sentences { get; private set; } = Enumerable.Range(0, sentences).ToArray();

    /// <summary>Makes row i hold sentence <c>sentences[i]</c>, copying rows only if the layout differs.</summary>
    public void Arrange(int[] sentences)
    {
        if (sentences.AsSpan().SequenceEqual(Sentences))
        {
            return;
        }
        var firstRowOf = new Dictionary<int, int>();
        for (int row = Sentences.Length - 1; row >= 0; row--)
        {
            firstRowOf[Sentences[row]] = row;
        }
        var rows = Array.ConvertAll(sentences, s => firstRowOf[s]);
        Mask = Replace(Mask, rows);
        ReleaseGroups();
        if (!_hiddenReleased)
        {
            Hidden = Replace(Hidden, rows);
        }
        var cross = CrossCache;
        Parallel.For(0, cross.Length, i => cross[i] = Replace(cross[i], rows));
        Sentences = sentences;
    }

    /// <summary>Frees the hidden states once no step reads them again (the split decoder's later steps do not).</summary>
    public void ReleaseHiddenStates()
    {
        if (!_hiddenReleased)
        {
            Hidden.Dispose();
            ReleaseGroups();
            _hiddenReleased = true;
        }
    }

    /// <summary>Frees the groups' hidden states once the first step has read them; they also go when the rows move,
    /// since they name rows in the first step's layout.</summary>
    public void ReleaseGroups()
    {
        foreach (var group in Groups)
        {
            group.Hidden.Dispose();
        }
        Groups = [];
    }

    private static OrtValue Replace(OrtValue value, int[] rows)
    {
        var gathered = TensorRows.Gather(value, rows);
        value.Dispose();
        return gathered;
    }

    public void Dispose()
    {
        Mask.Dispose();
        ReleaseHiddenStates();
        foreach (var value in CrossCache)
        {
            value.Dispose();
        }
    }
}

/// <summary>The hidden states <c>[rows.Length, length, d_model]</c> of the batch rows <paramref name="Rows"/>,
/// encoded together at their longest's length.</summary>
internal sealed record EncodedGroup(int[] Rows, OrtValue Hidden);
