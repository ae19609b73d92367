using System.Globalization;
using Hl7.Fhir.Model;
using PatientFlow.ServiceDefaults.Problems;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>
/// A type search as the client asked it: whose resources (<c>patient</c>, or <c>subject</c> naming a patient), which
/// encounter, and how many to return (<c>_count</c>). Each parameter at most once; an unknown one is refused, not ignored.
/// </summary>
/// <param name="PatientId">The patient whose resources match; null for any.</param>
/// <param name="VisitId">The encounter (visit) whose resources match; null for any.</param>
/// <param name="Count">How many entries the bundle carries; the total counts every match.</param>
public sealed record FhirSearch(Guid? PatientId, Guid? VisitId, int Count)
{
    public const int DefaultCount = 50;
    public const int MaxCount = 200;

    /// <exception cref="InvalidFieldException">A parameter is unknown for the type, repeated or malformed; or none says whose.</exception>
    public static FhirSearch Parse(string type, IQueryCollection query)
    {
        Guid? patient = null;
        Guid? visit = null;
        var count = DefaultCount;
        foreach (var (name, values) in query)
        {
            var value = values.Count == 1 ? values[0] ?? "" : throw new InvalidFieldException(name, "give it once");
            switch (name)
            {
                case "_count":
                    // FHIR lets a server return fewer than asked: above the maximum, the maximum.
                    count = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var asked)
                        ? Math.Min(asked, MaxCount)
                        : throw new InvalidFieldException(name, $"must be a whole number (at most {MaxCount} entries are returned)");
                    break;
                case "_format" when value.Contains("json", StringComparison.OrdinalIgnoreCase):
                    break;
                case "encounter" when FhirCapabilities.Searches(type, name):
                    visit = IdOf(name, value, nameof(Encounter));
                    break;
                case "patient" or "subject" when FhirCapabilities.Searches(type, name):
                    var id = IdOf(name, value, nameof(Patient));
                    patient = patient is null || patient == id ? id : throw new InvalidFieldException(name, "names another patient than patient or subject");
                    break;
                default:
                    throw new InvalidFieldException(name, $"{type} cannot be searched by {name} here; metadata lists each type's parameters");
            }
        }

        return patient is null && visit is null
            ? throw new InvalidFieldException(
                string.Join(" or ", FhirCapabilities.SearchParameters[type]), $"a {type} search needs one of them: whose resources to return")
            : new FhirSearch(patient, visit, count);
    }

    /// <summary>A bare id or a relative reference (<c>Patient/{id}</c>) to the expected type; ids here are UUIDs.</summary>
    private static Guid IdOf(string parameter, string value, string resourceType)
    {
        var id = value.StartsWith(resourceType + "/", StringComparison.Ordinal) ? value[(resourceType.Length + 1)..] : value;
        return Guid.TryParse(id, out var parsed) ? parsed : throw new InvalidFieldException(parameter, $"must be a {resourceType} id or {resourceType}/{{id}}");
    }
}
