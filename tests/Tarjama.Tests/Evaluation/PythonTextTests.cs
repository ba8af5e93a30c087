using Tarjama.Evaluation;

namespace Tarjama.Tests.Evaluation;

public class PythonTextTests
{
    [Fact]
    public void Split_separates_on_python_whitespace_including_ascii_separators()
    {
        Assert.Equal(["a", "b", "c", "d", "e"], PythonText.Split(" a\u001cb\u00a0c \t d\u3000e\u2029"));
    }

    [Fact]
    public void Split_keeps_what_python_does_not_call_whitespace()
    {
        Assert.Equal(["a\u200bb"], PythonText.Split("a\u200bb")); // zero-width space is not whitespace
    }

    [Fact]
    public void TrimEnd_strips_trailing_whitespace_only()
    {
        Assert.Equal(" a b", PythonText.TrimEnd(" a b \u001f\r\u00a0"));
    }

    [Theory]
    [InlineData(12.25, 1, "12.2")] // an exact tie rounds to even, where .NET's "F1" gives "12.3"
    [InlineData(2.675, 2, "2.67")] // 2.675 is stored just below the tie
    [InlineData(0.125, 2, "0.12")]
    [InlineData(0.375, 2, "0.38")]
    [InlineData(48.530827009929865, 2, "48.53")]
    [InlineData(0.0, 1, "0.0")]
    [InlineData(100.00000000000004, 1, "100.0")]
    [InlineData(0.1, 2, "0.10")]
    [InlineData(-0.04, 1, "-0.0")]
    [InlineData(0.9428731438548749, 3, "0.943")]
    [InlineData(7.0, 0, "7")]
    public void Fixed_formats_as_python(double value, int decimals, string expected)
    {
        Assert.Equal(expected, PythonFloatFormat.Fixed(value, decimals));
    }
}
