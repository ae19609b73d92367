using System.Net;
using System.Net.Http.Json;
using Marten;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Tracking.Tests.Api;

public class JourneyTests(TrackingFactory factory) : IClassFixture<TrackingFactory>
{
    // Each test works in its own clinic, so boards filtered by it see only that test's visits.
    private static string NewClinic() => $"clinic-{Guid.NewGuid():N}";

    [Fact]
    public async Task Publish_WholeVisitInClinicOrder_TimelineInClinicOrderAndBoardShowsClaimCreated()
    {
        var visit = VisitScript.New(NewClinic(), DateTimeOffset.UtcNow.AddHours(-2));
        var events = visit.FullVisit();

        await factory.PublishAllAsync(events);
        var timeline = await factory.WaitForTimelineAsync(visit.VisitId, events.Count);

        timeline.Steps.Select(step => step.EventType).Should().Equal(VisitScript.FullVisitEventTypes);
        timeline.Steps.Select(step => step.SourceEventId).Should().Equal(events.Select(e => e.EventId));
        timeline.Steps.Select(step => step.Stage).Should().Equal(
            "booked", "arrived", null, "roomed", "intake-done", "provider-done", "lab-pending", null, "checked-out", "claim-created");
        timeline.Steps.Select(step => step.OccurredAt).Should().BeInAscendingOrder();
        timeline.Should().BeEquivalentTo(new
        {
            visit.VisitId, visit.PatientId, visit.Clinic, visit.ProviderId, Room = "EXAM-3",
            CurrentStage = "claim-created", StageEnteredAt = visit.At(85),
        });

        var before = DateTimeOffset.UtcNow;
        var board = await GetBoardAsync($"?clinic={visit.Clinic}");
        var after = DateTimeOffset.UtcNow;
        board.Columns.Select(column => column.Stage).Should().Equal(
            "booked", "arrived", "roomed", "intake-done", "with-provider", "provider-done", "lab-pending", "checked-out", "claim-created");
        board.Columns.Where(column => column.Stage != "claim-created").Should().AllSatisfy(column => column.Count.Should().Be(0));
        var onBoard = board.Column("claim-created").Visits.Should().ContainSingle().Subject;
        onBoard.Should().BeEquivalentTo(
            new { visit.VisitId, visit.PatientId, visit.Clinic, visit.ProviderId, Room = "EXAM-3", StageEnteredAt = visit.At(85) });
        onBoard.MinutesInStage.Should().BeInRange(WholeMinutes(before - visit.At(85)), WholeMinutes(after - visit.At(85)));
    }

    [Fact]
    public async Task Publish_WholeVisitShuffled_SameTimelineAsInClinicOrder()
    {
        var inOrder = VisitScript.New(NewClinic(), DateTimeOffset.UtcNow.AddHours(-2));
        var shuffled = inOrder with { VisitId = Guid.CreateVersion7(), PatientId = Guid.CreateVersion7() };
        var shuffledEvents = shuffled.FullVisit().ToArray();
        new Random(11).Shuffle(shuffledEvents);
        shuffledEvents.Should().NotEqual(shuffled.FullVisit(), "the events must arrive out of clinic order");

        await factory.PublishAllAsync(inOrder.FullVisit());
        await factory.PublishAllAsync(shuffledEvents);
        var expected = await factory.WaitForTimelineAsync(inOrder.VisitId, 10);
        var actual = await factory.WaitForTimelineAsync(shuffled.VisitId, 10);

        actual.Should().BeEquivalentTo(expected, options => options
            .Excluding(timeline => timeline.VisitId)
            .Excluding(timeline => timeline.PatientId)
            .For(timeline => timeline.Steps).Exclude(step => step.SourceEventId)
            .WithStrictOrdering());
        actual.Steps.Select(step => step.SourceEventId).Should().BeEquivalentTo(shuffledEvents.Select(e => e.EventId));
        actual.CurrentStage.Should().Be("claim-created");
    }

    [Fact]
    [Trait("Category", "Faults")]
    public async Task Publish_SameEventTwice_OneStepInJourney()
    {
        var visit = VisitScript.New(NewClinic(), DateTimeOffset.UtcNow.AddMinutes(-30));
        var booked = visit.Booked();
        using var consumed = factory.CountConsumed(booked.EventId);

        await factory.PublishAsync(booked);
        await factory.PublishAsync(booked);
        await consumed.WaitForAsync(times: 2);
        // Appended after both deliveries were handled: once it shows, anything the duplicate appended would show too.
        var checkedIn = visit.CheckedIn();
        await factory.PublishAsync(checkedIn);
        var timeline = await factory.WaitForTimelineAsync(visit.VisitId, 2);

        timeline.Steps.Select(step => step.SourceEventId).Should().Equal(booked.EventId, checkedIn.EventId);
        await using var session = factory.Store.QuerySession();
        var journeyEvents = await session.Events.FetchStreamAsync(visit.VisitId);
        journeyEvents.Should().HaveCount(2, "the journey log is what integrators replay");
    }

    [Fact]
    [Trait("Category", "Faults")]
    public async Task Publish_OldEventIdAgainAfterTheVisitMovedOn_NoSecondStep()
    {
        var visit = VisitScript.New(NewClinic(), DateTimeOffset.UtcNow.AddMinutes(-30));
        var checkedIn = visit.CheckedIn();
        await factory.PublishAllAsync([visit.Booked(), checkedIn, visit.Roomed(), visit.Vitals()]);
        await factory.WaitForTimelineAsync(visit.VisitId, 4);
        using var consumed = factory.CountConsumed(checkedIn.EventId);

        // A republished old message (an operator replay, a relay that crashed before its checkpoint moved).
        await factory.PublishAsync(checkedIn);
        await consumed.WaitForAsync(times: 1);
        var completed = visit.EncounterCompleted();
        await factory.PublishAsync(completed);
        var timeline = await factory.WaitForTimelineAsync(visit.VisitId, 5);

        timeline.Steps.Count(step => step.SourceEventId == checkedIn.EventId).Should().Be(1);
        timeline.CurrentStage.Should().Be("provider-done");
        await using var session = factory.Store.QuerySession();
        (await session.Events.FetchStreamAsync(visit.VisitId)).Should().HaveCount(5);
    }

    [Fact]
    public async Task GetBoard_FilteredByClinicAndProvider_OnlyMatchingVisits()
    {
        var clinic = NewClinic();
        var waiting = VisitScript.New(clinic, DateTimeOffset.UtcNow.AddMinutes(-25));
        var roomed = VisitScript.New(clinic, DateTimeOffset.UtcNow.AddMinutes(-40));
        var elsewhere = VisitScript.New(NewClinic(), DateTimeOffset.UtcNow.AddMinutes(-25));

        await factory.PublishAllAsync([waiting.CheckedIn(), roomed.CheckedIn(), roomed.Roomed(), elsewhere.CheckedIn()]);
        await factory.WaitForTimelineAsync(waiting.VisitId, 1);
        await factory.WaitForTimelineAsync(roomed.VisitId, 2);
        await factory.WaitForTimelineAsync(elsewhere.VisitId, 1);

        var board = await GetBoardAsync($"?clinic={clinic}");
        board.Columns.SelectMany(column => column.Visits).Select(visit => visit.VisitId)
            .Should().BeEquivalentTo([waiting.VisitId, roomed.VisitId]);
        board.Column("arrived").Visits.Should().ContainSingle().Which.VisitId.Should().Be(waiting.VisitId);
        board.Column("roomed").Visits.Should().ContainSingle().Which.Room.Should().Be("EXAM-3");

        var byProvider = await GetBoardAsync($"?clinic={clinic}&providerId={roomed.ProviderId}");
        byProvider.Columns.SelectMany(column => column.Visits).Should().ContainSingle().Which.VisitId.Should().Be(roomed.VisitId);

        var otherClinic = await GetBoardAsync($"?clinic={elsewhere.Clinic}");
        otherClinic.Columns.SelectMany(column => column.Visits).Should().ContainSingle().Which.VisitId.Should().Be(elsewhere.VisitId);
    }

    [Fact]
    public async Task GetTimeline_UnknownVisit_NotFoundProblem()
    {
        var response = await factory.CreateClient(Roles.Ops).GetAsync($"/api/tracking/visits/{Guid.CreateVersion7()}/timeline");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    private async Task<BoardView> GetBoardAsync(string query)
    {
        var response = await factory.CreateClient(Roles.FrontDesk).GetAsync($"/api/tracking/board{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<BoardView>())!;
    }

    private static int WholeMinutes(TimeSpan span) => (int)Math.Floor(span.TotalMinutes);
}
