using System.Text;
using Tarjama.Documents;

namespace Tarjama.Tests.Documents;

[CollectionDefinition(nameof(StreamingTests), DisableParallelization = true)]
public class StreamingTestsCollection;

/// <summary>Memory is measured with no other test running.</summary>
[Collection(nameof(StreamingTests))]
public class StreamingTests
{
    private static readonly DocumentTranslationOptions Text = new() { Format = DocumentFormat.Text };

    [Fact]
    public void StreamsFiftyMegabytesInBoundedMemoryReportingProgress()
    {
        var path = Path.GetTempFileName();
        try
        {
            var lines = Fixtures.DocumentLines("ntrex128-sample.ar.txt");
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                for (int i = 0; writer.BaseStream.Length < 50_000_000; i++)
                {
                    writer.Write($"{lines[i % lines.Length]} {i}\n");
                }
            }
            // Finalizers of earlier tests' objects (ONNX sessions, tensors) run first, so they do not land inside the measurement.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peak = 0;
            int reports = 0;
            double? last = 0;
            var progress = new SynchronousProgress(p =>
            {
                Assert.True(p.Fraction >= last, "progress only moves forward");
                last = p.Fraction;
                if (++reports % 50 == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                }
            });
            using var input = File.OpenRead(path);
            var counter = new CountingWriter();
            new DocumentTranslator(new FunctionTranslator(s => s), Text).Translate(input, path, counter, progress);
            Assert.True(peak - baseline < 20_000_000, $"memory grew by {peak - baseline} bytes while streaming");
            Assert.Equal(1.0, last);
            Assert.True(counter.Characters > 25_000_000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class SynchronousProgress(Action<DocumentProgress> report) : IProgress<DocumentProgress>
    {
        public void Report(DocumentProgress value) => report(value);
    }

    private sealed class CountingWriter : TextWriter
    {
        public long Characters { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Characters++;

        public override void Write(string? value) => Characters += value?.Length ?? 0;
    }
}
