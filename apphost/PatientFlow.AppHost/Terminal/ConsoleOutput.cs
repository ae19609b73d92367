namespace PatientFlow.AppHost.Terminal;

/// <summary>
/// Interleaves every process's output on one writer, each line prefixed with its source's name
/// (padded to line up, coloured when writing to a terminal).
/// </summary>
public sealed class ConsoleOutput(TextWriter writer, int nameWidth)
{
    public const string AppHost = "apphost";

    private static readonly string[] Palette = ["36", "33", "32", "35", "34", "96", "93", "92", "95", "94", "31"];
    private readonly Dictionary<string, string> colours = [];
    private readonly bool colour = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;

    public void Write(string source, string line)
    {
        lock (colours)
        {
            var name = source.PadRight(nameWidth);
            if (colour)
            {
                if (!colours.TryGetValue(source, out var code))
                {
                    code = source == AppHost ? "1" : Palette[colours.Count % Palette.Length];
                    colours[source] = code;
                }

                writer.WriteLine($"\u001b[{code}m{name} |\u001b[0m {line}");
            }
            else
            {
                writer.WriteLine($"{name} | {line}");
            }

            writer.Flush();
        }
    }

    public void Progress(string line) => Write(AppHost, line);

    /// <summary>Writes lines without a prefix, e.g. the summary table.</summary>
    public void Plain(string text)
    {
        lock (colours)
        {
            writer.WriteLine(text);
            writer.Flush();
        }
    }
}
