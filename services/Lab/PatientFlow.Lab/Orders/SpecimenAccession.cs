namespace PatientFlow.Lab.Orders;

/// <summary>
/// The accession number a specimen's label carries: drawn from the store's HiLo sequence when the specimen is
/// collected, so every instance issues unique numbers without asking each other. Also the lookup from a scanned label.
/// </summary>
public sealed class SpecimenAccession
{
    public long Id { get; set; }

    public Guid OrderId { get; set; }

    public Guid SpecimenId { get; set; }

    /// <summary>"L" and ten digits: short enough for a Code 128 tube label.</summary>
    public string Number => Format(Id);

    public static string Format(long id) => "L" + id.ToString("D10", CultureInfo.InvariantCulture);

    public static long? Parse(string accessionId) =>
        accessionId is ['L' or 'l', .. var digits] && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
