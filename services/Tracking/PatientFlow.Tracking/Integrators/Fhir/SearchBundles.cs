using Hl7.Fhir.Model;

namespace PatientFlow.Tracking.Integrators.Fhir;

/// <summary>A search's answer as a <c>searchset</c> Bundle: the total of matches and the first <c>_count</c> of them.</summary>
public static class SearchBundles
{
    /// <param name="matches">Every match, in the order they are returned.</param>
    /// <param name="baseUrl">The FHIR base, for each entry's absolute <c>fullUrl</c>.</param>
    /// <param name="self">The search as asked.</param>
    public static Bundle Of(IReadOnlyList<Resource> matches, int count, string baseUrl, string self) => new()
    {
        Type = Bundle.BundleType.Searchset,
        Total = matches.Count,
        Link = [new Bundle.LinkComponent { Relation = "self", Url = self }],
        Entry = [.. matches.Take(count).Select(resource => new Bundle.EntryComponent
        {
            FullUrl = $"{baseUrl}/{resource.TypeName}/{resource.Id}",
            Resource = resource,
            Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
        })],
    };
}
