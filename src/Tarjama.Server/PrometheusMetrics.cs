using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Tarjama.Server;

/// <summary>One metric family in Prometheus' text exposition format (version 0.0.4), its series keyed by label values.</summary>
internal abstract class PrometheusMetric(string name, string help, string type, string[] labelNames)
{
    protected string Name { get; } = name;

    public void WriteTo(StringBuilder output)
    {
        output.Append("# HELP ").Append(Name).Append(' ').Append(help).Append('\n');
        output.Append("# TYPE ").Append(Name).Append(' ').Append(type).Append('\n');
        WriteSeries(output);
    }

    protected abstract void WriteSeries(StringBuilder output);

    protected string Labels(string[] values, string? extraName = null, string? extraValue = null)
    {
        var pairs = labelNames.Zip(values, (label, value) => $"{label}=\"{Escape(value)}\"").ToList();
        if (extraName is not null)
        {
            pairs.Add($"{extraName}=\"{extraValue}\"");
        }
        return pairs.Count == 0 ? "" : "{" + string.Join(',', pairs) + "}";
    }

    protected static string Number(double value) => double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}

/// <summary>A value that only goes up (counter), or one set to the latest reading (gauge).</summary>
internal sealed class PrometheusValue(string name, string help, bool counter, params string[] labelNames)
    : PrometheusMetric(name, help, counter ? "counter" : "gauge", labelNames)
{
    private readonly ConcurrentDictionary<string, (string[] Labels, double Value)> _series = new();

    public void Add(double amount, params string[] labels) =>
        _series.AddOrUpdate(string.Join('\0', labels), _ => (labels, amount), (_, old) => (old.Labels, old.Value + amount));

    public void Set(double value, params string[] labels) => _series[string.Join('\0', labels)] = (labels, value);

    protected override void WriteSeries(StringBuilder output)
    {
        foreach (var (labels, value) in _series.Values)
        {
            output.Append(Name).Append(Labels(labels)).Append(' ').Append(Number(value)).Append('\n');
        }
    }
}

/// <summary>Observations counted into cumulative buckets, with their sum and count.</summary>
internal sealed class PrometheusHistogram(string name, string help, double[] buckets, params string[] labelNames)
    : PrometheusMetric(name, help, "histogram", labelNames)
{
    private sealed class Series(string[] labels, int buckets)
    {
        public string[] Labels { get; } = labels;
        public long[] Counts { get; } = new long[buckets + 1];
        public double Sum { get; set; }
    }

    private readonly ConcurrentDictionary<string, Series> _series = new();

    /// <summary>Bucket bounds start, start·factor, start·factor², …</summary>
    public static double[] Exponential(double start, double factor, int count) =>
        Enumerable.Range(0, count).Select(i => start * Math.Pow(factor, i)).ToArray();

    public void Observe(double value, params string[] labels)
    {
        var series = _series.GetOrAdd(string.Join('\0', labels), _ => new Series(labels, buckets.Length));
        int bucket = Array.FindIndex(buckets, bound => value <= bound);
        lock (series)
        {
            series.Counts[bucket < 0 ? buckets.Length : bucket]++;
            series.Sum += value;
        }
    }

    protected override void WriteSeries(StringBuilder output)
    {
        foreach (var series in _series.Values)
        {
            long[] counts;
            double sum;
            lock (series)
            {
                counts = (long[])series.Counts.Clone();
                sum = series.Sum;
            }
            long cumulative = 0;
            for (int i = 0; i <= buckets.Length; i++)
            {
                cumulative += counts[i];
                string bound = Number(i < buckets.Length ? buckets[i] : double.PositiveInfinity);
                output.Append(Name).Append("_bucket").Append(Labels(series.Labels, "le", bound)).Append(' ').Append(cumulative).Append('\n');
            }
            output.Append(Name).Append("_sum").Append(Labels(series.Labels)).Append(' ').Append(Number(sum)).Append('\n');
            output.Append(Name).Append("_count").Append(Labels(series.Labels)).Append(' ').Append(cumulative).Append('\n');
        }
    }
}
