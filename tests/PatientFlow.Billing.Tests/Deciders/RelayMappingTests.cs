using JasperFx.Events;
using PatientFlow.Billing.Accounts;
using PatientFlow.Billing.Claims;
using PatientFlow.Billing.Fees;
using PatientFlow.Billing.Integration;
using V1 = PatientFlow.Contracts.Billing.V1;
using static PatientFlow.Billing.Tests.Deciders.AccountSpec;

namespace PatientFlow.Billing.Tests.Deciders;

public class RelayMappingTests
{
    private static readonly DateTimeOffset Recorded = Now.AddSeconds(2);
    private readonly BillingEventRelay _relay = new();

    private static Event<T> Committed<T>(T data, Guid streamId) where T : notnull =>
        new(data) { Id = Guid.CreateVersion7(), StreamId = streamId, Timestamp = Recorded };

    [Fact]
    public void GivenClaimCreated_WhenRelayed_ThenContractCarriesVisitLineCountAndTotal()
    {
        var committed = Committed(new ClaimCreated(
            ClaimId, VisitId, PatientId, ProviderId, "north", new DateOnly(2025, 3, 4), ["J02.9"],
            [
                new ClaimLine(1, "99213", 1, 90.00m, 90.00m, [1], ChargeSource.Encounter, false),
                new ClaimLine(2, "82947", 1, 15.00m, 15.00m, [1], ChargeSource.Lab, false),
            ],
            105.00m, "USD", Now), ClaimId);

        _relay.Map(committed).Should().Be(new V1.ClaimCreated(committed.Id, VisitId, PatientId, Now, Recorded, ClaimId, 2, 105.00m, "USD"));
    }

    [Fact]
    public void GivenAccountEvents_WhenRelayed_ThenTheyStayInsideBilling()
    {
        _relay.Map(Committed(Charged, VisitId)).Should().BeNull();
        _relay.Map(Committed(LabCharged, VisitId)).Should().BeNull();
        _relay.Map(Committed(new ClaimDrafted(VisitId, ClaimId), VisitId)).Should().BeNull();
    }
}
