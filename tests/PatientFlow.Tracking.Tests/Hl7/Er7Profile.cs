using System.Text.RegularExpressions;

namespace PatientFlow.Tracking.Tests.Hl7;

/// <summary>
/// What a PatientFlow message must be, beyond well-formed ER7: v2.5.1 segment order for its structure (chapter 2-7,
/// 10 message definitions), the fields the standard or PatientFlow's profile require, coded values in their tables,
/// and DTM wherever a time is.
/// </summary>
public static class Er7Profile
{
    // Segment groups as the standard's message definitions write them; "X " is a segment, "(...)*" a repeating group.
    private const string Patient = "(PID (PD1 )?(PV1 )?(PV2 )?(OBX )*(DG1 )*)*";
    private const string Resources = "(RGS (AIS (NTE )*)*(AIG (NTE )*)*(AIL (NTE )*)*(AIP (NTE )*)*)+";
    private const string AdtHead = "MSH (SFT )*EVN PID (PD1 )?(ROL )*(NK1 )*PV1 (PV2 )?(ROL )*(DB1 )*";
    private const string Insurance = "(IN1 (IN2 )?(IN3 )*(ROL )*)*";
    private const string OrderObservation = "(ORC )?OBR (NTE )*(TQ1 (TQ2 )*)*(CTD )?(OBX (NTE )*)*(FT1 )*(CTI )*(SPM (OBX )*)*";

    private static readonly Dictionary<string, Regex> Structures = new()
    {
        ["SIU_S12"] = Grammar($"MSH SCH (TQ1 )*(NTE )*{Patient}{Resources}"),
        ["ADT_A01"] = Grammar($"{AdtHead}(OBX )*(AL1 )*(DG1 )*(DRG )?(PR1 (ROL )*)*(GT1 )*{Insurance}(ACC )?(UB1 )?(UB2 )?(PDA )?"),
        ["ADT_A03"] = Grammar($"{AdtHead}(AL1 )*(DG1 )*(DRG )?(PR1 (ROL )*)*(OBX )*(GT1 )*{Insurance}(ACC )?(PDA )?"),
        ["ORU_R01"] = Grammar($"MSH (SFT )*((PID (PD1 )?(NTE )*(NK1 )*(PV1 (PV2 )?)?)?({OrderObservation})+)+(DSC )?"),
        ["ACK"] = Grammar("MSH (SFT )*MSA (ERR )*"),
    };

    /// <summary>Which structure each trigger event uses (v2.5.1 message definitions).</summary>
    private static readonly Dictionary<string, string> StructureOf = new()
    {
        ["SIU^S12"] = "SIU_S12", ["SIU^S13"] = "SIU_S12", ["SIU^S14"] = "SIU_S12", ["SIU^S15"] = "SIU_S12", ["SIU^S26"] = "SIU_S12",
        ["ADT^A01"] = "ADT_A01", ["ADT^A04"] = "ADT_A01", ["ADT^A08"] = "ADT_A01", ["ADT^A13"] = "ADT_A01",
        ["ADT^A03"] = "ADT_A03",
        ["ORU^R01"] = "ORU_R01",
    };

    private static readonly HashSet<string> KnownSegments = Structures.Values
        .SelectMany(grammar => Regex.Matches(grammar.ToString(), "[A-Z][A-Z0-9]{2}").Select(match => match.Value))
        .ToHashSet();

    /// <summary>Required by v2.5.1, or by PatientFlow's profile where it says so (SCH-1, PV1-19, OBR-2).</summary>
    private static readonly (string Segment, int Field)[] Required =
    [
        ("MSH", 7), ("MSH", 9), ("MSH", 10), ("MSH", 11), ("MSH", 12), ("EVN", 2), ("PID", 3), ("PV1", 2), ("PV1", 19),
        ("SCH", 1), ("SCH", 6), ("SCH", 25), ("TQ1", 1), ("RGS", 1), ("AIL", 1), ("AIP", 1), ("ORC", 1), ("OBR", 2), ("OBR", 4),
        ("OBX", 2), ("OBX", 3), ("OBX", 11), ("MSA", 1), ("MSA", 2),
    ];

    private static readonly (string Segment, int Field, int Component)[] Times =
    [
        ("MSH", 7, 1), ("EVN", 2, 1), ("EVN", 6, 1), ("PV1", 44, 1), ("PV1", 45, 1), ("SCH", 11, 4), ("SCH", 11, 5),
        ("TQ1", 7, 1), ("TQ1", 8, 1), ("AIL", 6, 1), ("AIP", 6, 1), ("ORC", 9, 1), ("OBR", 7, 1), ("OBR", 22, 1),
        ("OBX", 14, 1), ("OBX", 19, 1),
    ];

    private static readonly (string Segment, int Field, string[] Table)[] Coded =
    [
        ("MSH", 11, ["P", "T", "D"]),
        ("PV1", 2, ["E", "I", "O", "P", "R", "B", "C", "N", "U"]), // 0004 patient class
        ("SCH", 25, ["Pending", "Waitlist", "Booked", "Started", "Complete", "Cancelled", "Dc", "Deleted", "Blocked", "Overbook", "Noshow"]), // 0278
        ("OBX", 2, ["NM", "ST", "TX", "FT", "CE", "CWE", "SN", "DT", "TM", "DTM", "ED", "RP"]), // 0125, the subset a lab result may use
        ("OBX", 11, ["C", "D", "F", "I", "N", "O", "P", "R", "S", "U", "W", "X"]), // 0085
        ("OBR", 25, ["O", "I", "S", "A", "P", "C", "R", "F", "X", "Y", "Z"]), // 0123
        ("ORC", 1, ["NW", "OK", "CA", "CR", "SC", "RE", "XO", "OC"]), // 0119, the subset an order or result uses
        ("MSA", 1, ["AA", "AE", "AR", "CA", "CE", "CR"]), // 0008
    ];

    public static void Check(Er7Message message)
    {
        var unknown = message.Segments.FirstOrDefault(segment => !KnownSegments.Contains(segment.Id));
        if (unknown is not null)
        {
            throw new Er7FormatException($"unknown segment id '{unknown.Id}'");
        }

        CheckHeader(message);
        if (!Structures[message.Structure].IsMatch(message.Shape + " "))
        {
            throw new Er7FormatException($"segments '{message.Shape}' are not in {message.Structure} order");
        }

        foreach (var segment in message.Segments)
        {
            CheckFields(segment);
        }
    }

    private static void CheckHeader(Er7Message message)
    {
        var header = message.Header;
        if (header.Value(9, 1).Length == 0 || header.Value(9, 2).Length == 0 || header.Value(9, 3).Length == 0)
        {
            throw new Er7FormatException("MSH-9 needs message code, trigger event and message structure");
        }

        var expected = header.Value(9, 1) == "ACK" ? "ACK" : StructureOf.GetValueOrDefault(message.MessageType);
        if (expected != message.Structure)
        {
            throw new Er7FormatException($"MSH-9 {message.MessageType} uses structure {expected ?? "unknown here"}, not {message.Structure}");
        }

        if (header[12] != "2.5.1")
        {
            throw new Er7FormatException($"MSH-12 version must be 2.5.1, not '{header[12]}'");
        }

        if (header[10].Length > 20)
        {
            throw new Er7FormatException($"MSH-10 control id must have at most 20 characters (ST 20), not {header[10].Length}");
        }
    }

    private static void CheckFields(Er7Segment segment)
    {
        foreach (var (_, field) in Required.Where(rule => rule.Segment == segment.Id))
        {
            if (segment.IsEmpty(field))
            {
                throw new Er7FormatException($"{segment.Id}-{field} is required");
            }
        }

        foreach (var (_, field, component) in Times.Where(rule => rule.Segment == segment.Id))
        {
            if (segment.Value(field, component).Length > 0)
            {
                Dtm.Parse(segment.Value(field, component));
            }
        }

        foreach (var (_, field, table) in Coded.Where(rule => rule.Segment == segment.Id))
        {
            if (segment.Value(field).Length > 0 && !table.Contains(segment.Value(field)))
            {
                throw new Er7FormatException($"{segment.Id}-{field} '{segment.Value(field)}' is not in its table");
            }
        }

        if (segment.Id == "OBX" && segment[2] == "NM" && !Regex.IsMatch(segment[5], "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$"))
        {
            throw new Er7FormatException($"OBX-5 '{segment[5]}' is not a number although OBX-2 says NM");
        }
    }

    private static Regex Grammar(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant);
}
