namespace Tarjama.Tests.Evaluation;

/// <summary>The example corpus of sacreBLEU's README and test_bleu.py: three hypotheses and two reference streams.</summary>
internal static class SacreBleuExamples
{
    public static readonly string[] Hypotheses = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."];

    public static readonly string[] FirstReferences = ["The dog bit the man.", "It was not unexpected.", "The man bit him first."];

    public static readonly string[] SecondReferences = ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."];

    public static Tarjama.Evaluation.References References => Tarjama.Evaluation.References.FromStreams([FirstReferences, SecondReferences]);
}
