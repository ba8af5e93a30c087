namespace Tarjama.Documents;

/// <summary>Model outputs by model input, so a repeated segment is translated once; bounded to about
/// <paramref name="capacityCharacters"/> characters so a long document streams in bounded memory.</summary>
/// <remarks>Two generations: when the newer fills half the capacity it becomes the older and the oldest is dropped;
/// a hit in the older generation moves back to the newer. Nearly least-recently-used, at a dictionary's cost.</remarks>
internal sealed class TranslationCache(long capacityCharacters)
{
    private Dictionary<string, string> _newer = new(StringComparer.Ordinal);
    private Dictionary<string, string> _older = new(StringComparer.Ordinal);
    private long _newerCharacters;

    public bool TryGet(string input, out string output)
    {
        if (_newer.TryGetValue(input, out output!))
        {
            return true;
        }
        if (_older.Remove(input, out output!))
        {
            Add(input, output);
            return true;
        }
        return false;
    }

    public void Add(string input, string output)
    {
        if (_newerCharacters > capacityCharacters / 2)
        {
            (_older, _newer, _newerCharacters) = (_newer, new(StringComparer.Ordinal), 0);
        }
        _newer[input] = output;
        _newerCharacters += input.Length + output.Length;
    }
}
