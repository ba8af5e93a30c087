using Tarjama.Text;

namespace Tarjama.Terminology;

/// <summary>A glossary term found in a text: where (the whole surface form, clitics included) and which entry.</summary>
public readonly record struct TermMatch(TextRange Range, GlossaryEntry Entry);
