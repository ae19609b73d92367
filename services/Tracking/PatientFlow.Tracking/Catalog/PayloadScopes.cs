using System.Text.Json.Nodes;

namespace PatientFlow.Tracking.Catalog;

/// <summary>The ids scope: which visit, patient, order or claim, and when; never a clinical value.</summary>
public static class PayloadScopes
{
    private static readonly HashSet<string> Kept = ["eventId", "visitId", "patientId", "occurredAt", "recordedAt", "clinic"];

    public static JsonObject IdsOnly(JsonObject clinical)
    {
        var ids = new JsonObject();
        foreach (var (name, value) in clinical)
        {
            if (Kept.Contains(name) || name.EndsWith("Id", StringComparison.Ordinal))
            {
                ids[name] = value?.DeepClone();
            }
        }

        return ids;
    }
}
