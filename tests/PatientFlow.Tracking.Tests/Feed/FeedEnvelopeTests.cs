using System.Text.Json.Nodes;
using PatientFlow.Contracts;
using PatientFlow.Tracking.Integrators.Feed;
using PatientFlow.Tracking.Journeys;

namespace PatientFlow.Tracking.Tests.Feed;

public class FeedEnvelopeTests
{
    public static TheoryData<string> Scopes => new() { "ids", "clinical" };

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Encode_EveryKindOfStep_SameEnvelopeAsTheCatalogsOwn(string scope)
    {
        var visit = VisitScript.New("north", DateTimeOffset.Parse("2026-03-02T09:15:00-05:00"));
        var chosen = scope == "clinical" ? PayloadScope.Clinical : PayloadScope.Ids;
        var position = 41L;
        foreach (var message in visit.FullVisit().Append(visit.CheckedIn() with { InsuranceMemberId = "W123" }))
        {
            var entry = new FeedEntry(++position, ContractSteps.ToStep(message), DateTimeOffset.UtcNow);

            var written = JsonNode.Parse(FeedEnvelope.Encode(entry, chosen))!;

            JsonNode.DeepEquals(written, FeedEnvelope.Build(entry, chosen)).Should().BeTrue($"{message.GetType().Name} in the {scope} scope");
            written["sequence"]!.GetValue<string>().Should().Be(position.ToString("D20"));
        }
    }

    [Fact]
    public void Encode_IdsScope_NoClinicalValueNorInsuranceNumber()
    {
        var visit = VisitScript.New("north", DateTimeOffset.UtcNow);
        IVisitEvent[] messages = [visit.Vitals(), visit.LabResulted(), visit.CheckedIn() with { InsuranceMemberId = "W123" }];

        var written = messages.Select(m => System.Text.Encoding.UTF8.GetString(FeedEnvelope.Encode(new FeedEntry(1, ContractSteps.ToStep(m), DateTimeOffset.UtcNow), PayloadScope.Ids)));

        written.Should().OnlyContain(json => !json.Contains("8867-4") && !json.Contains("\"95\"") && !json.Contains("W123") && json.Contains(visit.VisitId.ToString()));
    }
}
