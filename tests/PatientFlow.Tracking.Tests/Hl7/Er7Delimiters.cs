namespace PatientFlow.Tracking.Tests.Hl7;

/// <summary>The five delimiters a message declares in MSH-1 and MSH-2, read from the message, never assumed.</summary>
public sealed record Er7Delimiters(char Field, char Component, char Repetition, char Escape, char Subcomponent)
{
    public static Er7Delimiters Read(string text)
    {
        // MSH, then MSH-1 (one character), then MSH-2 (four in v2.5.1), then MSH-1 again.
        if (text.Length < 9 || !text.StartsWith("MSH", StringComparison.Ordinal))
        {
            throw new Er7FormatException("a message starts with an MSH segment");
        }

        var delimiters = new Er7Delimiters(text[3], text[4], text[5], text[6], text[7]);
        if (text[8] != delimiters.Field)
        {
            throw new Er7FormatException("MSH-2 holds exactly four encoding characters in v2.5.1");
        }

        char[] all = [delimiters.Field, delimiters.Component, delimiters.Repetition, delimiters.Escape, delimiters.Subcomponent];
        if (all.Distinct().Count() != 5 || all.Any(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new Er7FormatException("the five delimiters must differ and be neither letters, digits, white space nor control characters");
        }

        return delimiters;
    }
}
