using System.Globalization;
using System.Text;

namespace PatientFlow.Billing.X12;

/// <summary>
/// Writes X12 segments with the delimiters an interchange declares: <c>*</c> between elements, <c>:</c> between
/// components, <c>^</c> for repetitions, <c>~</c> after each segment. Text is upper-cased and stripped of the
/// delimiters, so a name can never break the file.
/// </summary>
public sealed class X12Writer
{
    public const char Element = '*';
    public const char Component = ':';
    public const char Repetition = '^';
    public const char Terminator = '~';

    private readonly StringBuilder _text = new();

    public int Count { get; private set; }

    /// <summary>Segments written since <see cref="Mark"/>: what SE01 counts (ST through SE inclusive, once SE is added).</summary>
    public int SinceMark => Count - _mark;

    private int _mark;

    public void Mark() => _mark = Count;

    /// <summary>Appends a segment; trailing empty elements are dropped as X12 requires.</summary>
    public X12Writer Segment(string id, params string?[] elements)
    {
        var last = elements.Length - 1;
        while (last >= 0 && string.IsNullOrEmpty(elements[last]))
        {
            last--;
        }

        _text.Append(id);
        for (var i = 0; i <= last; i++)
        {
            _text.Append(Element).Append(elements[i]);
        }

        _text.Append(Terminator).Append('\n');
        Count++;
        return this;
    }

    /// <summary>The ISA segment is fixed width and written as given.</summary>
    public X12Writer Raw(string segment)
    {
        _text.Append(segment).Append(Terminator).Append('\n');
        Count++;
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>Upper case, no delimiters, no control characters, at most <paramref name="max"/> characters.</summary>
    public static string Text(string? value, int max = 60)
    {
        var clean = new string((value ?? "").ToUpperInvariant()
            .Select(c => c is Element or Component or Repetition or Terminator || char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return clean.Length > max ? clean[..max].TrimEnd() : clean;
    }

    /// <summary>An X12 decimal: no thousands separator, no trailing zeros (105.50 is 105.5, 90.00 is 90).</summary>
    public static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>ICD-10-CM as X12 carries it: without the dot.</summary>
    public static string Icd10(string code) => code.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();

    public static string Fixed(string value, int width) => Text(value, width).PadRight(width);
}
