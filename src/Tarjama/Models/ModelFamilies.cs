namespace Tarjama.Models;

/// <summary>Picks a model's family from <c>config.json</c>'s <c>model_type</c>.</summary>
public static class ModelFamilies
{
    /// <param name="defaultSource">The source language calls get when they name none; null: the model's own.</param>
    /// <param name="defaultTarget">The target language calls get when they name none; null: the model's own.</param>
    public static ModelFamily Open(ModelFolder folder, string? defaultSource = null, string? defaultTarget = null)
    {
        var family = Create(folder, defaultSource, defaultTarget);
        ModelVocabularyCheck.Check(folder, family);
        return family;
    }

    private static ModelFamily Create(ModelFolder folder, string? defaultSource, string? defaultTarget) => folder.Config.ModelType switch
    {
        "marian" => new MarianFamily(folder, defaultSource, defaultTarget),
        "m2m_100" => new M2M100Family(folder, defaultSource, defaultTarget),
        var other => throw new TarjamaException(
            $"{folder.File("config.json")}: model_type '{other}' is not supported (supported: marian, m2m_100)"),
    };
}
