using PatientFlow.Contracts.Referral.V1;
using PatientFlow.Referral.Referrals.GettingDetails;
using static PatientFlow.Referral.Tests.Api.ReferralFactory;
using ReferralKind = PatientFlow.Referral.Referrals.ReferralKind;
using ReferralStatus = PatientFlow.Referral.Referrals.ReferralStatus;
using ReferralUrgency = PatientFlow.Referral.Referrals.ReferralUrgency;

namespace PatientFlow.Referral.Tests.Api;

public class ReferralTests(ReferralFactory factory) : IClassFixture<ReferralFactory>
{
    private readonly HttpClient _clinician = factory.CreateClient(Roles.Clinician);

    private static object Referral(Guid visitId, string urgency = "urgent") => new
    {
        visitId, kind = "specialist", specialty = "Cardiology", urgency, reason = "Exertional chest pain, abnormal ECG",
    };

    [Fact]
    public async Task CreateReferral_BookedVisit_Returns201WithDeadlineAndPublishesReferralCreated()
    {
        var created = factory.Listen<ReferralCreated>();
        var booked = await factory.BookVisitAsync();

        var response = await _clinician.PostAsJsonAsync("/api/referral/referrals", Referral(booked.VisitId));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var referral = await response.ReadAsAsync<ReferralDetails>();
        var referralId = referral.ReferralId;
        response.Headers.Location!.ToString().Should().Be($"/api/referral/referrals/{referralId}");
        referral.VisitId.Should().Be(booked.VisitId);
        referral.PatientId.Should().Be(booked.PatientId);
        referral.Kind.Should().Be(ReferralKind.Specialist);
        referral.Specialty.Should().Be("cardiology");
        referral.Urgency.Should().Be(ReferralUrgency.Urgent);
        referral.Status.Should().Be(ReferralStatus.Created);
        var createdAt = referral.CreatedAt;
        createdAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        referral.ScheduleBy.Should().Be(createdAt.AddDays(3));

        (await created.WaitForAsync(e => e.ReferralId == referralId)).Should().Match<ReferralCreated>(e =>
            e.VisitId == booked.VisitId && e.PatientId == booked.PatientId && e.Kind == "specialist"
            && e.Specialty == "cardiology" && e.Urgency == "urgent");
        (await _clinician.GetAsync($"/api/referral/referrals/{referralId}").ReadAsAsync<ReferralDetails>()).Should().BeEquivalentTo(referral);
    }

    [Fact]
    public async Task GetVisitReferrals_TwoReferrals_ListsBothInOrderForFrontDesk()
    {
        var booked = await factory.BookVisitAsync();
        var first = await _clinician.PostAsJsonAsync("/api/referral/referrals", Referral(booked.VisitId, "routine")).ReadAsAsync<ReferralDetails>();
        var second = await _clinician.PostAsJsonAsync("/api/referral/referrals", Referral(booked.VisitId, "emergent")).ReadAsAsync<ReferralDetails>();

        var listed = await factory.CreateClient(Roles.FrontDesk).GetAsync($"/api/referral/visits/{booked.VisitId}/referrals").ReadAsAsync<List<ReferralDetails>>();

        listed.Select(r => r.ReferralId).Should().Equal(first.ReferralId, second.ReferralId);
        listed[1].ScheduleBy.Should().Be(listed[1].CreatedAt.AddDays(1));
    }

    [Fact]
    public async Task CreateReferral_UnknownVisit_Returns404AndStoresNothing()
    {
        var visitId = Guid.CreateVersion7();

        var response = await _clinician.PostAsJsonAsync("/api/referral/referrals", Referral(visitId));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Body(response)).GetProperty("detail").GetString().Should().Contain(visitId.ToString());
        (await _clinician.GetAsync($"/api/referral/visits/{visitId}/referrals")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await using var session = factory.Store.QuerySession();
        (await session.Events.QueryRawEventDataOnly<Referrals.ReferralCreated>().CountAsync(e => e.VisitId == visitId)).Should().Be(0);
    }

    [Theory]
    [InlineData("""{"kind":"specialist","specialty":"  ","urgency":"routine","reason":"Follow-up"}""", HttpStatusCode.UnprocessableEntity, "specialty")]
    [InlineData("""{"kind":"specialist","specialty":"cardiology","urgency":"routine","reason":""}""", HttpStatusCode.UnprocessableEntity, "reason")]
    [InlineData("""{"kind":"specialist","specialty":"cardiology","reason":"Follow-up"}""", HttpStatusCode.UnprocessableEntity, "urgency")]
    [InlineData("""{"kind":"surgery","specialty":"cardiology","urgency":"routine","reason":"Follow-up"}""", HttpStatusCode.BadRequest, "kind")]
    [InlineData("""{"kind":"imaging","specialty":"ct","urgency":"asap","reason":"Follow-up"}""", HttpStatusCode.BadRequest, "urgency")]
    public async Task CreateReferral_InvalidField_ReturnsProblemNamingTheFieldAndStoresNothing(string fields, HttpStatusCode status, string field)
    {
        var booked = await factory.BookVisitAsync();
        var body = $$"""{"visitId":"{{booked.VisitId}}",{{fields[1..]}}""";

        var response = await _clinician.PostAsync("/api/referral/referrals", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Body(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal(field);
        (await _clinician.GetAsync($"/api/referral/visits/{booked.VisitId}/referrals").ReadAsAsync<List<ReferralDetails>>()).Should().BeEmpty();
    }

    [Fact]
    public async Task GetReferral_Unknown_Returns404()
    {
        var response = await _clinician.GetAsync($"/api/referral/referrals/{Guid.CreateVersion7()}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateReferral_NoToken_Returns401()
    {
        var response = await factory.CreateAnonymousClient().PostAsJsonAsync("/api/referral/referrals", Referral(Guid.CreateVersion7()));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreateReferral_BillingRole_Returns403AndStoresNothing()
    {
        var booked = await factory.BookVisitAsync();

        var response = await factory.CreateClient(Roles.Billing).PostAsJsonAsync("/api/referral/referrals", Referral(booked.VisitId));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _clinician.GetAsync($"/api/referral/visits/{booked.VisitId}/referrals").ReadAsAsync<List<ReferralDetails>>()).Should().BeEmpty();
    }

    [Fact]
    public async Task GetReferral_Created_ETagIsTheStreamVersionAsOnCreation()
    {
        var booked = await factory.BookVisitAsync();
        var created = await _clinician.PostAsJsonAsync("/api/referral/referrals", Referral(booked.VisitId));
        var id = (await created.ReadAsAsync<ReferralDetails>()).ReferralId;

        var fetched = await _clinician.GetAsync($"/api/referral/referrals/{id}");

        created.Headers.ETag!.Tag.Should().Be("\"1\"");
        fetched.Headers.ETag!.Tag.Should().Be("\"1\"");
        (await fetched.ReadAsAsync<ReferralDetails>()).ReferralId.Should().Be(id);
    }

    [Fact]
    public async Task GetReferralAsOf_BeforeAndAfterCreation_404ThenTheReferralFromItsEvents()
    {
        var booked = await factory.BookVisitAsync();
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var created = await _clinician.PostAsJsonAsync("/api/referral/referrals", Referral(booked.VisitId)).ReadAsAsync<ReferralDetails>();
        var id = created.ReferralId;

        var then = await _clinician.GetAsync($"/api/referral/referrals/{id}?asOf={Uri.EscapeDataString(before.ToString("O"))}");
        var asOfNow = await _clinician.GetAsync($"/api/referral/referrals/{id}?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(1).ToString("O"))}");

        then.StatusCode.Should().Be(HttpStatusCode.NotFound);
        asOfNow.StatusCode.Should().Be(HttpStatusCode.OK);
        (await asOfNow.ReadAsAsync<ReferralDetails>()).Should().BeEquivalentTo(created);
    }

    [Theory]
    [InlineData("2026-11-23T09:30:00")]
    [InlineData("2026-11-23")]
    [InlineData("last week")]
    public async Task GetReferralAsOf_NotAnInstantWithOffset_Returns422NamingAsOf(string asOf)
    {
        var booked = await factory.BookVisitAsync();
        var id = (await _clinician.PostAsJsonAsync("/api/referral/referrals", Referral(booked.VisitId)).ReadAsAsync<ReferralDetails>()).ReferralId;

        var response = await _clinician.GetAsync($"/api/referral/referrals/{id}?asOf={Uri.EscapeDataString(asOf)}");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Body(response)).GetProperty("errors").TryGetProperty("asOf", out _).Should().BeTrue();
    }
}
