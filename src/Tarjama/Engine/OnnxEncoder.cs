namespace Tarjama.Engine;

/// <summary>Runs <c>encoder_model.onnx</c> on a batch of token sequences, right-padded with an attention mask.</summary>
internal sealed class OnnxEncoder(OnnxSession session, int padId) : IDisposable
{
    private static readonly string[] InputNames = ["input_ids", "attention_mask"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    public EncoderState Encode(IReadOnlyList<int[]> sequences)
    {
        int rows = sequences.Count;
        int length = sequences.Max(s => s.Length);
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        for (int r = 0; r < rows; r++)
        {
            var sequence = sequences[r];
            for (int t = 0; t < length; t++)
            {
                bool real = t < sequence.Length;
                ids[r * length + t] = real ? sequence[t] : padId;
                mask[r * length + t] = real ? 1 : 0;
            }
        }
        using var idsValue = TensorRows.Int64(ids, rows, length);
        var maskValue = TensorRows.Int64(mask, rows, length);
        // The outputs are owned from here on: the state disposes them.
        var hidden = session.Run(InputNames, [idsValue, maskValue], OutputNames)[0];
        return new EncoderState(maskValue, hidden, rows);
    }

    public void Dispose() => session.Dispose();
}
