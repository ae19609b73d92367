using System.Text.Json.Nodes;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Catalog;

/// <summary>
/// What a subscription's scope lets through in a CloudEvent's <c>data</c>. <c>clinical</c> carries the whole
/// contract; <c>ids</c> carries only identifiers and times, for a subscriber that must not hold clinical content and
/// looks details up through an authorised read API instead.
/// </summary>
public static class PayloadScopes
{
    /// <summary>The scope carrying the whole contract.</summary>
    public const string Clinical = "clinical";

    /// <summary>The scope carrying identifiers and times only (see <see cref="IdsOnly"/>).</summary>
    public const string Ids = "ids";

    private static readonly HashSet<string> AlwaysKept =
        ["eventId", "visitId", "patientId", "occurredAt", "recordedAt", "clinic"];

    /// <summary>
    /// Whether a top-level <c>data</c> property survives the <c>ids</c> scope: the event's ids and times, the
    /// clinic, and every property whose name ends in <c>Id</c>.
    /// </summary>
    public static bool KeepsInIds(string propertyName) =>
        AlwaysKept.Contains(propertyName)
        || (propertyName.EndsWith("Id", StringComparison.Ordinal) && !IssuedToThePatientElsewhere.Contains(propertyName));

    /// <summary>Numbers another organisation gave the patient (the insurance member number) identify a person: they stay out.</summary>
    private static readonly HashSet<string> IssuedToThePatientElsewhere = ["insuranceMemberId"];

    /// <summary>
    /// The <c>ids</c>-scope <c>data</c> of a clinical payload (camelCase, as <see cref="ContractJson"/> writes it): its
    /// kept properties in their original order, copied, with nulls kept. The input is not changed.
    /// </summary>
    public static JsonObject IdsOnly(JsonObject clinical)
    {
        ArgumentNullException.ThrowIfNull(clinical);
        var ids = new JsonObject();
        foreach (var (name, value) in clinical)
            if (KeepsInIds(name))
                ids[name] = value?.DeepClone();
        return ids;
    }
}
