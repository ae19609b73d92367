using System.Buffers.Binary;
using System.Globalization;

namespace PatientFlow.Tracking.Integrators.Hl7;

/// <summary>
/// MSH-10, the message control id, from the event id. MSH-10 is an ST of at most 20 characters in v2.5.1 and an
/// event id is 32 hex digits, so the id's first 100 bits (its first 25 hex digits) are written in Crockford
/// base32: 20 characters of <c>0-9 A-Z</c> without I, L, O and U, none of them an ER7 delimiter.
/// </summary>
/// <remarks>
/// Derived, not drawn: a redelivered event and a resent message carry the same control id, so a receiver that
/// deduplicates on MSH-10 sees one message. 100 bits of a version 7 id are its 48-bit millisecond timestamp
/// and 46 random bits; of a version 4 id, 94 random bits. <see cref="EventIdPrefix"/> turns a control id back
/// into the digits to search the event log with.
/// </remarks>
public static class Hl7ControlId
{
    /// <summary>Characters in a control id.</summary>
    public const int Length = 20;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Bits = Length * 5;

    /// <summary>The control id of the message for the event <paramref name="eventId"/>.</summary>
    public static string For(Guid eventId)
    {
        Span<byte> bytes = stackalloc byte[16];
        // Big-endian: the bytes in the order of the id's hex digits, so the prefix is the id's written prefix.
        eventId.TryWriteBytes(bytes, bigEndian: true, out _);
        var bits = BinaryPrimitives.ReadUInt128BigEndian(bytes) >> (128 - Bits);
        var characters = new char[Length];
        for (var index = Length - 1; index >= 0; index--)
        {
            characters[index] = Alphabet[(int)(bits & 0x1F)];
            bits >>= 5;
        }

        return new string(characters);
    }

    /// <summary>The first 25 hex digits (lower case) of the event id a control id was made from.</summary>
    /// <exception cref="FormatException">Not a control id this class writes.</exception>
    public static string EventIdPrefix(string controlId)
    {
        ArgumentNullException.ThrowIfNull(controlId);
        if (controlId.Length != Length)
        {
            throw new FormatException($"A control id has {Length} characters.");
        }

        UInt128 bits = 0;
        foreach (var character in controlId)
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(character), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{character}' is not a Crockford base32 digit.");
            }

            bits = (bits << 5) | (uint)value;
        }

        return bits.ToString("x25", CultureInfo.InvariantCulture);
    }
}
