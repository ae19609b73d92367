using System.Reflection;
using System.Text;
using System.Xml.Linq;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Integrators.Catalog;

/// <summary>
/// The contracts' XML doc comments, read from <c>PatientFlow.Contracts.xml</c> beside the contracts assembly, as
/// CommonMark text. Integrators read these, so the catalog takes its descriptions from them instead of repeating them.
/// </summary>
internal static class ContractDocs
{
    private static readonly Lazy<IReadOnlyDictionary<string, XElement>> Members = new(Load);

    /// <summary>The <c>summary</c> of a contract or nested record type; null when it has none.</summary>
    public static string? Summary(Type type) => SummaryOf("T:" + DocName(type));

    /// <summary>
    /// The <c>summary</c> of a property. For a positional record the compiler writes the <c>param</c> of the
    /// primary constructor there, so this is the parameter's doc comment.
    /// </summary>
    public static string? Summary(MemberInfo property) =>
        property.DeclaringType is { } owner ? SummaryOf("P:" + DocName(owner) + "." + property.Name) : null;

    private static string? SummaryOf(string member) =>
        Members.Value.TryGetValue(member, out var element) && element.Element("summary") is { } summary
            ? Render(summary) is { Length: > 0 } text ? text : null
            : null;

    private static string DocName(Type type) => type.FullName!.Replace('+', '.');

    private static string Render(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
            text.Append(node switch
            {
                XText plain => plain.Value,
                XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
                XElement { Name.LocalName: "paramref" } reference => $"`{JsonName(reference.Attribute("name")?.Value)}`",
                XElement { Name.LocalName: "see" } see => $"`{CrefName(see.Attribute("cref")?.Value)}`",
                XElement other => Render(other),
                _ => "",
            });
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    // A parameter reference names a property of the same payload: show it as it appears in the JSON.
    private static string JsonName(string? name) => ContractJson.Options.PropertyNamingPolicy!.ConvertName(name ?? "");

    // "T:PatientFlow.Contracts.Intake.V1.VitalsRecorded" reads "VitalsRecorded"; a property keeps its type and reads
    // as in the JSON: "VitalsRecorded.eventId".
    private static string CrefName(string? cref)
    {
        var parts = (cref ?? "").Split(':', 2)[^1].Split('.');
        return cref?.StartsWith("T:", StringComparison.Ordinal) == true || parts.Length < 2
            ? parts[^1]
            : $"{parts[^2]}.{JsonName(parts[^1])}";
    }

    private static IReadOnlyDictionary<string, XElement> Load()
    {
        var path = Path.ChangeExtension(typeof(IIntegrationEvent).Assembly.Location, ".xml");
        if (!File.Exists(path))
            throw new FileNotFoundException(
                "The contracts' XML documentation is missing; PatientFlow.Contracts builds it (GenerateDocumentationFile).", path);
        return XDocument.Load(path).Descendants("member")
            .Where(member => member.Attribute("name") is not null)
            .ToDictionary(member => member.Attribute("name")!.Value, StringComparer.Ordinal);
    }
}
