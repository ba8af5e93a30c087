using Microsoft.ML.OnnxRuntime;

namespace Tarjama.Engine;

/// <summary>Runs <c>encoder_model.onnx</c> on a batch of token sequences, right-padded with an attention mask. Rows of
/// very different lengths are encoded in groups of similar length, so the encoder does not compute the padding of
/// short rows up to the longest one (a batch of 16 news lines is about half padding); the decoder still gets one
/// padded tensor, whose padding it masks, and each group's own hidden states for the cross-attention keys and values
/// (<see cref="EncoderState.Groups"/>).</summary>
internal sealed class OnnxEncoder(OnnxSession session, int padId) : IDisposable
{
    private static readonly string[] InputNames = ["input_ids", "attention_mask"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    // A group takes the next row while that row is at least this fraction of the group's longest.
    private const double GroupLength = 0.85;

    public EncoderState Encode(IReadOnlyList<int[]> sequences)
    {
        int rows = sequences.Count;
        int length = sequences.Max(s => s.Length);
        var mask = TensorRows.Int64(Mask(sequences, length), rows, length);
        var groups = Groups(sequences);
        if (groups.Count == 1)
        {
            // The outputs are owned from here on: the state disposes them.
            return new EncoderState(mask, Run(sequences, length, mask), rows);
        }
        OrtValue? hidden = null;
        var parts = new List<EncodedGroup>();
        try
        {
            foreach (var group in groups)
            {
                var members = group.Select(i => sequences[i]).ToList();
                int groupLength = members[0].Length;
                using var groupMask = TensorRows.Int64(Mask(members, groupLength), members.Count, groupLength);
                var part = Run(members, groupLength, groupMask);
                parts.Add(new EncodedGroup(group, part));
                var info = part.GetTensorTypeAndShape();
                hidden ??= OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, info.ElementDataType, [rows, length, info.Shape[^1]]);
                TensorRows.Place(part, group, hidden, blocks: 1);
            }
            return new EncoderState(mask, hidden!, rows, parts);
        }
        catch
        {
            parts.ForEach(p => p.Hidden.Dispose());
            hidden?.Dispose();
            mask.Dispose();
            throw;
        }
    }

    /// <summary>Row indices grouped by length, longest first; one group when grouping would save little.</summary>
    private static List<int[]> Groups(IReadOnlyList<int[]> sequences)
    {
        var order = Enumerable.Range(0, sequences.Count).OrderByDescending(i => sequences[i].Length).ToArray();
        var groups = new List<int[]>();
        int start = 0;
        for (int i = 1; i <= order.Length; i++)
        {
            if (i == order.Length || sequences[order[i]].Length < GroupLength * sequences[order[start]].Length)
            {
                groups.Add(order[start..i]);
                start = i;
            }
        }
        long padded = (long)sequences.Count * sequences[order[0]].Length;
        long grouped = groups.Sum(g => (long)g.Length * sequences[g[0]].Length);
        return grouped < 0.8 * padded ? groups : [Enumerable.Range(0, sequences.Count).ToArray()];
    }

    /// <summary>Encodes <paramref name="sequences"/> right-padded to <paramref name="length"/>.</summary>
    private OrtValue Run(IReadOnlyList<int[]> sequences, int length, OrtValue mask)
    {
        var ids = new long[sequences.Count * length];
        Array.Fill(ids, padId);
        for (int r = 0; r < sequences.Count; r++)
        {
            for (int t = 0; t < sequences[r].Length; t++)
            {
                ids[r * length + t] = sequences[r][t];
            }
        }
        using var idsValue = TensorRows.Int64(ids, sequences.Count, length);
        return session.Run(InputNames, [idsValue, mask], OutputNames)[0];
    }

    private static long[] Mask(IReadOnlyList<int[]> sequences, int length)
    {
        var mask = new long[sequences.Count * length];
        for (int r = 0; r < sequences.Count; r++)
        {
            mask.AsSpan(r * length, sequences[r].Length).Fill(1);
        }
        return mask;
    }

    public void Dispose() => session.Dispose();
}
