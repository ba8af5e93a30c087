namespace Tarjama;

/// <summary>An error the user can cause and fix (bad model folder, bad input, bad option); its message is shown as is.</summary>
public class TarjamaException(string message, Exception? inner = null) : Exception(message, inner);
