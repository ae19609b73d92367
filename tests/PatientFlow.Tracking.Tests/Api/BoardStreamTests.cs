using System.Net;
using System.Text.Json;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Tracking.Board;

namespace PatientFlow.Tracking.Tests.Api;

/// <summary>The live board over server-sent events, fed by real journey commits in PostgreSQL and messages through RabbitMQ.</summary>
public class BoardStreamTests(TrackingFactory factory) : IClassFixture<TrackingFactory>
{
    private static string? Stage(JsonElement data) => data.GetProperty("card").ValueKind == JsonValueKind.Null ? null : data.GetProperty("card").GetProperty("stage").GetString();

    [Fact]
    public async Task Stream_VisitArrivesIsRoomedAndSeen_CardsMoveColumnsAndPanelsFollowPushedNotPolled()
    {
        var visit = VisitScript.New($"clinic-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddMinutes(-20));
        await using var board = await EventStreamReader.OpenAsync(factory.CreateClient(Roles.Ops), $"/api/tracking/board/stream?clinic={visit.Clinic}");

        var snapshot = await board.NextAsync("snapshot");
        snapshot.Data.GetProperty("cards").GetArrayLength().Should().Be(0);
        snapshot.Data.GetProperty("clockSpeed").GetDouble().Should().Be(1);
        snapshot.Data.GetProperty("thresholds").EnumerateArray().Select(t => t.GetProperty("stage").GetString())
            .Should().Equal("arrived", "roomed", "intake-done", "with-provider", "provider-done", "lab-pending");

        bool Of(JsonElement data) => data.GetProperty("visitId").GetGuid() == visit.VisitId;
        await factory.PublishAllAsync([visit.Booked(), visit.CheckedIn(0)]);
        // The two may be consumed in either order: the card shows the visit type once the booking is in.
        await board.NextAsync("card", data => Of(data) && Stage(data) == "arrived" && data.GetProperty("card").GetProperty("visitType").GetString() == "follow-up");

        await factory.PublishAsync(visit.Roomed(10));
        var roomed = await board.NextAsync("card", data => Of(data) && Stage(data) == "roomed");
        roomed.Data.GetProperty("card").GetProperty("room").GetString().Should().Be("EXAM-3");
        var room = await board.NextAsync("panels", data => data.GetProperty("rooms").GetArrayLength() > 0);
        room.Data.GetProperty("rooms")[0].GetProperty("status").GetString().Should().Be("occupied");

        await factory.PublishAllAsync([visit.Vitals(15), visit.ProviderStarted(18)]);
        await board.NextAsync("card", data => Of(data) && Stage(data) == "with-provider");
        var provider = await board.NextAsync("panels", data => data.GetProperty("providers").EnumerateArray()
            .Any(p => p.GetProperty("status").GetString() == "with-patient"));
        provider.Data.GetProperty("providers")[0].GetProperty("visitId").GetGuid().Should().Be(visit.VisitId);
    }

    [Fact]
    public async Task Stream_OtherClinicsVisit_NotSentToThisClinicsViewer()
    {
        var mine = VisitScript.New($"clinic-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddMinutes(-5));
        var theirs = VisitScript.New($"clinic-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddMinutes(-5));
        await using var board = await EventStreamReader.OpenAsync(factory.CreateClient(Roles.FrontDesk), $"/api/tracking/board/stream?clinic={mine.Clinic}");
        await board.NextAsync("snapshot");

        await factory.PublishAsync(theirs.CheckedIn());
        await factory.PublishAsync(mine.CheckedIn());

        await board.NextAsync("card", data => data.GetProperty("visitId").GetGuid() == mine.VisitId);
        (await board.DrainAsync(TimeSpan.FromMilliseconds(500))).Where(e => e.Type == "card")
            .Should().NotContain(e => e.Data.GetProperty("visitId").GetGuid() == theirs.VisitId);
    }

    [Fact]
    public async Task Snapshot_AfterAVisitMoved_ShowsItsCardAndPanelsAsTheStreamWould()
    {
        var visit = VisitScript.New($"clinic-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddMinutes(-20));
        await factory.PublishAllAsync([visit.Booked(), visit.CheckedIn(0), visit.Roomed(5)]);
        var ops = factory.CreateClient(Roles.Ops);

        var snapshot = await Eventually.Until(async () =>
        {
            var answer = await ops.GetAsync($"/api/tracking/board/snapshot?clinic={visit.Clinic}").ReadAsAsync<BoardSnapshot>();
            return answer.Cards.Any(c => c.Stage == BoardStage.Roomed) ? answer : null;
        }, what: "the roomed card in the snapshot");

        snapshot.Cards.Should().HaveCount(1);
        snapshot.Cards[0].StageEnteredAt.Should().Be(visit.At(5));
        snapshot.Rooms[0].Room.Should().Be("EXAM-3");
    }

    [Fact]
    public async Task Stream_WithoutToken_401AndWithIntakeOnlyRole_403()
    {
        (await factory.CreateAnonymousClient().GetAsync("/api/tracking/board/stream")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await factory.CreateClient(Roles.Billing).GetAsync("/api/tracking/board/stream")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
