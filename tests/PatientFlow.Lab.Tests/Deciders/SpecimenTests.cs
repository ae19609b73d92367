using PatientFlow.Lab.Orders;
using PatientFlow.Lab.Orders.Resulting;
using PatientFlow.Lab.Orders.Specimens;
using static PatientFlow.Lab.Tests.Deciders.LabSpec;

namespace PatientFlow.Lab.Tests.Deciders;

public class SpecimenTests
{
    private static readonly Guid NewSpecimen = Guid.CreateVersion7();

    [Fact]
    public void GivenGlucoseAndCholesterolOnBloodAndStrepOnASwab_WhenBloodCollected_ThenOneSpecimenCoversBothBloodTests() =>
        Given(Ordered(Glucose, Cholesterol, RapidStrep))
            .When(o => CollectSpecimenDecider.Decide(o, new CollectSpecimen("Blood"), NewSpecimen, "L0000000042", Staff, Now))
            .Then(new SpecimenCollected(OrderId, VisitId, PatientId, NewSpecimen, "L0000000042", "blood", ["2345-7", "2093-3"], Staff, Now));

    [Fact]
    public void GivenBloodTestsOnly_WhenUrineCollected_ThenSpecimenTypeRejected() =>
        Given(Ordered(Glucose)).When(o => CollectSpecimenDecider.Decide(o, new CollectSpecimen("urine"), NewSpecimen, "L1", Staff, Now)).ThenRejects("specimenType");

    [Fact]
    public void GivenCollectedAlready_WhenCollectedAgain_ThenConflict() =>
        Given(Ordered(Glucose), Collected("blood", Glucose))
            .When(o => CollectSpecimenDecider.Decide(o, new CollectSpecimen("blood"), NewSpecimen, "L2", Staff, Now)).ThenConflicts();

    [Fact]
    public void GivenOrderedAtNineOClock_WhenCollectionBackDatedBeforeThat_ThenCollectedAtRejected() =>
        Given(Ordered(Glucose))
            .When(o => CollectSpecimenDecider.Decide(o, new CollectSpecimen("blood", OrderedAt.AddMinutes(-1)), NewSpecimen, "L3", Staff, Now)).ThenRejects("collectedAt");

    [Fact]
    public void GivenCollectedSpecimen_WhenRejectedAsHaemolysed_ThenRejectedAndRecollectionRequestedForItsTests() =>
        Given(Ordered(Glucose, Cholesterol), Collected("blood", Glucose, Cholesterol))
            .When(o => RejectSpecimenDecider.Decide(o, SpecimenId, new RejectSpecimen(SpecimenRejection.Haemolysed), Staff, Now))
            .Then(
                new SpecimenRejected(OrderId, VisitId, PatientId, SpecimenId, Accession, SpecimenRejection.Haemolysed, ["2345-7", "2093-3"], Staff, Now),
                new RecollectionRequested(OrderId, VisitId, PatientId, SpecimenId, "blood", ["2345-7", "2093-3"], Now));

    [Fact]
    public void GivenRejectedSpecimen_WhenANewOneIsCollected_ThenItCoversTheSameTestsWithANewAccession()
    {
        var rejected = new SpecimenRejected(OrderId, VisitId, PatientId, SpecimenId, Accession, SpecimenRejection.Unlabelled, ["2345-7"], Staff, Now);
        Given(Ordered(Glucose), Collected("blood", Glucose), rejected)
            .When(o => CollectSpecimenDecider.Decide(o, new CollectSpecimen("blood"), NewSpecimen, "L0000001002", Staff, Now))
            .ThenSingle<SpecimenCollected>().Should().Match<SpecimenCollected>(c => c.AccessionId == "L0000001002" && c.TestCodes.Single() == "2345-7");
    }

    [Fact]
    public void GivenRejectedSpecimen_WhenItsTestIsResulted_ThenConflictBecauseItHasNoSpecimen() =>
        Given(Ordered(Glucose), Collected("blood", Glucose),
                new SpecimenRejected(OrderId, VisitId, PatientId, SpecimenId, Accession, SpecimenRejection.Clotted, ["2345-7"], Staff, Now))
            .When(o => RecordLabResultDecider.Decide(o, "2345-7", new RecordLabResult("90"), Policy, Staff, Now)).ThenConflicts();

    [Fact]
    public void GivenSpecimenWithAResult_WhenRejected_ThenConflict() =>
        Given(Ordered(Glucose), Collected("blood", Glucose), Resulted(Glucose, "90", "N"))
            .When(o => RejectSpecimenDecider.Decide(o, SpecimenId, new RejectSpecimen(SpecimenRejection.Haemolysed), Staff, Now)).ThenConflicts();

    [Fact]
    public void GivenCollectedSpecimen_WhenRejectedWithoutReason_ThenReasonRejected() =>
        Given(Ordered(Glucose), Collected("blood", Glucose))
            .When(o => RejectSpecimenDecider.Decide(o, SpecimenId, new RejectSpecimen(), Staff, Now)).ThenRejects("reason");

    [Fact]
    public void GivenOrder_WhenAnUnknownSpecimenIsRejected_ThenNotFound() =>
        Given(Ordered(Glucose), Collected("blood", Glucose))
            .When(o => RejectSpecimenDecider.Decide(o, Guid.CreateVersion7(), new RejectSpecimen(SpecimenRejection.Leaked), Staff, Now)).ThenNotFound();

    [Fact]
    public void GivenSendOutAndInHouseTestsOnOneSpecimen_WhenSentOut_ThenOnlyTheSendOutTravelsAndIsExpectedAfterItsTurnaround() =>
        Given(Ordered(Glucose, Cholesterol), Collected("blood", Glucose, Cholesterol))
            .When(o => SendOutSpecimenDecider.Decide(o, SpecimenId, new SendOutSpecimen("Quest"), Now))
            .Then(new SpecimenSentOut(OrderId, VisitId, PatientId, SpecimenId, Accession, "Quest", ["2093-3"], Now, Now.AddDays(2)));

    [Fact]
    public void GivenTheInHouseTestOnTheTubeIsResulted_WhenSentOut_ThenTheSendOutTestTravels() =>
        Given(Ordered(Glucose, Cholesterol), Collected("blood", Glucose, Cholesterol), Resulted(Glucose, "95", "N"))
            .When(o => SendOutSpecimenDecider.Decide(o, SpecimenId, new SendOutSpecimen("Quest"), Now))
            .ThenSingle<SpecimenSentOut>().TestCodes.Should().Equal("2093-3");

    [Fact]
    public void GivenInHouseTestsOnly_WhenSentOut_ThenConflict() =>
        Given(Ordered(Glucose), Collected("blood", Glucose))
            .When(o => SendOutSpecimenDecider.Decide(o, SpecimenId, new SendOutSpecimen("Quest"), Now)).ThenConflicts();

    [Fact]
    public void GivenSentOut_WhenSentOutAgain_ThenConflict() =>
        Given(Ordered(Cholesterol), Collected("blood", Cholesterol), SentOut(Cholesterol))
            .When(o => SendOutSpecimenDecider.Decide(o, SpecimenId, new SendOutSpecimen("Quest"), Now)).ThenConflicts();

    [Fact]
    public void GivenCollected_WhenSentOutWithoutALab_ThenExternalLabRejected() =>
        Given(Ordered(Cholesterol), Collected("blood", Cholesterol))
            .When(o => SendOutSpecimenDecider.Decide(o, SpecimenId, new SendOutSpecimen(" "), Now)).ThenRejects("externalLab");

    [Fact]
    public void GivenSendOutCollectedButNotSent_WhenResulted_ThenConflict() =>
        Given(Ordered(Cholesterol), Collected("blood", Cholesterol))
            .When(o => RecordLabResultDecider.Decide(o, "2093-3", new RecordLabResult("180"), Policy, Staff, Now)).ThenConflicts();

    [Fact]
    public void GivenCancelledTest_WhenCollected_ThenConflictBecauseNothingWaits() =>
        Given(Ordered(Glucose), new LabOrderCancelled(OrderId, VisitId, PatientId, ["2345-7"], "duplicate", "x", Now))
            .When(o => CollectSpecimenDecider.Decide(o, new CollectSpecimen("blood"), NewSpecimen, "L4", Staff, Now)).ThenConflicts();
}
