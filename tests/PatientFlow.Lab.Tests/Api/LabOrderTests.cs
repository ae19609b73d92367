using System.Net;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.Lab.Catalog;
using PatientFlow.Lab.Orders.GettingDetails;
using PatientFlow.Lab.Orders.Ordering;
using PatientFlow.Lab.Orders.Turnaround;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using static PatientFlow.Lab.Tests.Api.LabFactory;
using LabOrderStatus = PatientFlow.Lab.Orders.LabOrderStatus;
using LabPriority = PatientFlow.Lab.Orders.LabPriority;
using LabTestStatus = PatientFlow.Lab.Orders.LabTestStatus;

namespace PatientFlow.Lab.Tests.Api;

public class LabOrderTests(LabFactory factory) : IClassFixture<LabFactory>
{
    private readonly HttpClient _clinician = factory.CreateClient(Roles.Clinician);
    private readonly HttpClient _lab = factory.CreateClient(Roles.Lab);

    [Fact]
    public async Task InHouseVisit_OrderCollectResultCriticalAndAcknowledge_EachStepPublishedForTheVisit()
    {
        var placed = factory.Listen<LabOrderPlaced>();
        var collected = factory.Listen<SpecimenCollected>();
        var resulted = factory.Listen<LabResultRecorded>();
        var flagged = factory.Listen<CriticalResultFlagged>();
        var acknowledged = factory.Listen<LabResultAcknowledged>();
        var booked = await factory.BookVisitAsync();
        var asked = factory.Patients.Asked;

        var order = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "2345-7", "4548-4" }, priority = "stat" });

        order.StatusCode.Should().Be(HttpStatusCode.Created);
        var details = await order.ReadAsAsync<LabOrderDetails>();
        var orderId = details.OrderId;
        details.PatientId.Should().Be(booked.PatientId);
        details.Priority.Should().Be(LabPriority.Stat);
        details.Tests.Select(t => t.TestCode).Should().Equal("2345-7", "4548-4");
        details.Tests[0].ReferenceRange.Should().Be("70-99");
        factory.Patients.Asked.Should().Be(asked, "neither test's range depends on sex or age");

        var specimen = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/specimens", new { specimenType = "blood" });
        specimen.StatusCode.Should().Be(HttpStatusCode.Created);
        var accession = (await specimen.ReadAsAsync<LabOrderDetails>()).Specimens[0].AccessionId;
        accession.Should().MatchRegex("^L[0-9]{10}$");
        specimen.Headers.Location!.ToString().Should().Be($"/api/lab/specimens/{accession}");
        (await _lab.GetAsync($"/api/lab/specimens/{accession}").ReadAsAsync<LabOrderDetails>()).OrderId.Should().Be(orderId);

        var result = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/tests/2345-7/result", new { value = 412, unit = "mg/dL" });
        result.StatusCode.Should().Be(HttpStatusCode.OK);
        var glucose = (await result.ReadAsAsync<LabOrderDetails>()).Tests[0];
        glucose.Result!.Flag.Should().Be("HH");
        glucose.Critical!.Flag.Should().Be("HH");
        var worklist = await _clinician.GetAsync("/api/lab/critical-results").ReadAsAsync<List<PendingCriticalResult>>();
        worklist.Should().Contain(r => r.OrderId == orderId && r.TestCode == "2345-7");

        (await _lab.PostAsync($"/api/lab/orders/{orderId}/tests/2345-7/acknowledgement", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var ack = await _clinician.PostAsync($"/api/lab/orders/{orderId}/tests/2345-7/acknowledgement", null);

        ack.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ack.ReadAsAsync<LabOrderDetails>()).Tests[0].AcknowledgedBy.Should().Be("test-clinician");
        (await _clinician.GetAsync("/api/lab/critical-results").ReadAsAsync<List<PendingCriticalResult>>()).Should().NotContain(r => r.OrderId == orderId);
        (await placed.WaitForAsync(e => e.OrderId == orderId)).Tests.Should().HaveCount(2);
        (await collected.WaitForAsync(e => e.OrderId == orderId)).AccessionId.Should().Be(accession);
        (await resulted.WaitForAsync(e => e.OrderId == orderId)).Should().Match<LabResultRecorded>(e =>
            e.VisitId == booked.VisitId && e.Value == "412" && e.Flag == "HH" && e.BillingCode == "82947" && e.ReferenceRange == "70-99" && e.AccessionId == accession);
        (await flagged.WaitForAsync(e => e.OrderId == orderId)).AcknowledgeBy.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(30), TimeSpan.FromMinutes(1));
        (await acknowledged.WaitForAsync(e => e.OrderId == orderId)).Critical.Should().BeTrue();
    }

    [Fact]
    public async Task CriticalResult_NotAcknowledgedInTime_EscalatesOnceAndShowsEscalatedOnTheWorklist()
    {
        var escalated = factory.Listen<CriticalResultEscalated>();
        var orderId = await CollectedOrderAsync("2345-7", "blood");
        (await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/tests/2345-7/result", new { value = 35 })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await factory.Sweeper.SweepAsync(DateTimeOffset.UtcNow.AddMinutes(29), CancellationToken.None)).Should().Be(0);
        var late = DateTimeOffset.UtcNow.AddMinutes(31);
        (await factory.Sweeper.SweepAsync(late, CancellationToken.None)).Should().BeGreaterThanOrEqualTo(1);
        await factory.Sweeper.SweepAsync(late.AddMinutes(5), CancellationToken.None);

        (await escalated.WaitForAsync(e => e.OrderId == orderId)).TestCode.Should().Be("2345-7");
        var pending = (await _clinician.GetAsync("/api/lab/critical-results").ReadAsAsync<List<PendingCriticalResult>>()).Single(r => r.OrderId == orderId);
        pending.EscalatedAt.Should().NotBeNull();
        await using var session = factory.Store.QuerySession();
        (await session.Events.QueryRawEventDataOnly<Orders.CriticalResultEscalated>().CountAsync(e => e.OrderId == orderId)).Should().Be(1);
    }

    [Fact]
    public async Task SendOut_RejectedRecollectedSentLateThenResulted_WomansRangeRecollectionAndOverduePublished()
    {
        var recollection = factory.Listen<RecollectionRequested>();
        var overdue = factory.Listen<SendOutOverdue>();
        var booked = await factory.BookVisitAsync();
        factory.Patients.Register(booked.PatientId, new PatientDemographics(PatientSex.Female, 44));
        var order = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "718-7" } }).ReadAsAsync<LabOrderDetails>();
        var orderId = order.OrderId;
        order.Tests[0].ReferenceRange.Should().Be("12.0-15.5");

        var first = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/specimens", new { specimenType = "blood" }).ReadAsAsync<LabOrderDetails>();
        var firstSpecimen = first.Specimens[0].SpecimenId;
        var rejected = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/specimens/{firstSpecimen}/rejection", new { reason = "haemolysed" });
        rejected.StatusCode.Should().Be(HttpStatusCode.OK);
        (await rejected.ReadAsAsync<LabOrderDetails>()).Tests[0].Status.Should().Be(LabTestStatus.AwaitingCollection);
        (await recollection.WaitForAsync(e => e.OrderId == orderId)).TestCodes.Should().Equal("718-7");

        var second = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/specimens", new { specimenType = "blood" }).ReadAsAsync<LabOrderDetails>();
        var secondSpecimen = second.Specimens[1];
        secondSpecimen.AccessionId.Should().NotBe(first.Specimens[0].AccessionId);
        var sent = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/specimens/{secondSpecimen.SpecimenId}/send-out", new { externalLab = "Quest Diagnostics" });
        sent.StatusCode.Should().Be(HttpStatusCode.OK);
        var expectedBy = (await sent.ReadAsAsync<LabOrderDetails>()).Specimens[1].ExpectedBy!.Value;
        expectedBy.Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(1), TimeSpan.FromMinutes(1));

        await factory.Sweeper.SweepAsync(expectedBy.AddMinutes(1), CancellationToken.None);
        (await overdue.WaitForAsync(e => e.OrderId == orderId)).ExternalLab.Should().Be("Quest Diagnostics");

        var result = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/tests/718-7/result", new { value = "15.9", unit = "g/dL" });
        result.StatusCode.Should().Be(HttpStatusCode.OK);
        var hemoglobin = (await result.ReadAsAsync<LabOrderDetails>()).Tests[0];
        hemoglobin.Result!.Flag.Should().Be("H", "15.9 is above a woman's 15.5 though inside the general 17.5");
        hemoglobin.Recollections.Should().Be(1);
    }

    [Fact]
    public async Task PlaceOrder_RangeNeedsDemographicsAndSchedulingDoesNotAnswer_Returns503AndOrdersNothing()
    {
        var booked = await factory.BookVisitAsync();

        var response = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "2345-7", "718-7" } });

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
        (await _clinician.GetAsync($"/api/lab/visits/{booked.VisitId}/orders").ReadAsAsync<List<LabOrderDetails>>()).Should().BeEmpty();
    }

    [Fact]
    public async Task AmendResult_KeepsTheOriginalPublishesTheAmendmentAndChargesOnce()
    {
        var amended = factory.Listen<LabResultAmended>();
        var resulted = factory.Listen<LabResultRecorded>();
        var orderId = await CollectedOrderAsync("2345-7", "blood");
        (await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/tests/2345-7/result", new { value = 95 })).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/tests/2345-7/amendment", new { value = 150, reason = "analyser recalibrated" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var glucose = (await response.ReadAsAsync<LabOrderDetails>()).Tests[0];
        glucose.Result!.Value.Should().Be("150");
        glucose.Result.Flag.Should().Be("H");
        var amendment = glucose.Amendments![0];
        amendment.PreviousValue.Should().Be("95");
        amendment.Reason.Should().Be("analyser recalibrated");
        (await amended.WaitForAsync(e => e.OrderId == orderId)).OriginalValue.Should().Be("95");
        await resulted.WaitForAsync(e => e.OrderId == orderId);
        await using var session = factory.Store.QuerySession();
        (await session.Events.QueryRawEventDataOnly<Orders.LabResultRecorded>().CountAsync(e => e.OrderId == orderId)).Should().Be(1, "a charge is raised per resulted test, not per amendment");
    }

    [Fact]
    public async Task Cancel_OneTestResulted_CancelsTheRestAndTheTurnaroundShowsTheResultedOne()
    {
        var cancelled = factory.Listen<LabOrderCancelled>();
        var booked = await factory.BookVisitAsync();
        var orderId = (await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "2345-7", "2093-3" } })
            .ReadAsAsync<LabOrderDetails>()).OrderId;
        await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/specimens", new { specimenType = "blood" });
        (await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/tests/2345-7/result", new { value = 88 })).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await _clinician.PostAsJsonAsync($"/api/lab/orders/{orderId}/cancellation", new { reason = "ordered twice" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var order = await response.ReadAsAsync<LabOrderDetails>();
        order.Tests.Select(t => t.Status).Should().Equal(LabTestStatus.Resulted, LabTestStatus.Cancelled);
        order.Status.Should().Be(LabOrderStatus.Resulted);
        (await cancelled.WaitForAsync(e => e.OrderId == orderId)).TestCodes.Should().Equal("2093-3");
        var turnaround = await _lab.GetAsync($"/api/lab/orders/{orderId}/turnaround").ReadAsAsync<List<TestTurnaround>>();
        turnaround[0].OrderedToResultedMinutes.Should().BeGreaterThanOrEqualTo(0);
        turnaround[1].ResultedAt.Should().BeNull();
        var summary = await _lab.GetAsync("/api/lab/turnaround?testCode=2345-7").ReadAsAsync<List<TestTurnaroundSummary>>();
        summary[0].Resulted.Should().BeGreaterThanOrEqualTo(1);
        (await _lab.GetAsync("/api/lab/turnaround?from=2026-01-01")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task GetCatalog_LabRole_ListsTestsWithSpecimenPlaceTurnaroundRangesAndPriceCode()
    {
        var catalog = await _lab.GetAsync("/api/lab/catalog").ReadAsAsync<List<LabTest>>();

        var tests = catalog.ToDictionary(t => t.Code);
        tests.Keys.Should().Contain(["2345-7", "4548-4", "718-7", "2093-3", "6301-6", "78012-2", "5804-0", "2823-3"]);
        tests["2345-7"].Performed.Should().Be(Performed.InHouse);
        tests["718-7"].Performed.Should().Be(Performed.SendOut);
        tests["718-7"].ReferenceRanges.Should().HaveCount(4);
        tests["78012-2"].Specimen.Should().Be("swab");
        tests["6301-6"].BillingCode.Should().Be("85610");
    }

    [Fact]
    public async Task PlaceOrder_UnknownVisit_Returns404AndStoresNothing()
    {
        var visitId = Guid.CreateVersion7();

        var response = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId, tests = new[] { "2345-7" } });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Body(response)).GetProperty("detail").GetString().Should().Contain(visitId.ToString());
        await using var session = factory.Store.QuerySession();
        (await session.Events.QueryRawEventDataOnly<Orders.LabOrderPlaced>().CountAsync(e => e.VisitId == visitId)).Should().Be(0);
    }

    [Fact]
    public async Task PlaceOrder_CodeOutsideCatalog_Returns422NamingTheEntryAndStoresNothing()
    {
        var booked = await factory.BookVisitAsync();

        var response = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "2345-7", "0000-0" } });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Body(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("tests[1]");
        (await _clinician.GetAsync($"/api/lab/visits/{booked.VisitId}/orders").ReadAsAsync<List<LabOrderDetails>>()).Should().BeEmpty();
    }

    [Fact]
    public async Task PlaceOrder_UnknownPriority_Returns400NamingPriority()
    {
        var booked = await factory.BookVisitAsync();

        var response = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "2345-7" }, priority = "asap" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Body(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("priority");
    }

    [Theory]
    [InlineData("""{"value":"high"}""", "value")]
    [InlineData("""{"value":5.5,"unit":"mmol/L"}""", "unit")]
    public async Task RecordResult_InvalidNumericResult_Returns422NamingFieldAndChangesNothing(string body, string field)
    {
        var orderId = await CollectedOrderAsync("2345-7", "blood");
        var before = await Body(await _lab.GetAsync($"/api/lab/orders/{orderId}"));

        var response = await _lab.PostAsync($"/api/lab/orders/{orderId}/tests/2345-7/result", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Body(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal(field);
        (await Body(await _lab.GetAsync($"/api/lab/orders/{orderId}"))).GetRawText().Should().Be(before.GetRawText());
    }

    [Fact]
    public async Task RecordResult_BeforeCollection_Returns409()
    {
        var booked = await factory.BookVisitAsync();
        var orderId = (await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "2345-7" } }).ReadAsAsync<LabOrderDetails>()).OrderId;

        var response = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/tests/2345-7/result", new { value = 90 });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Body(response)).GetProperty("detail").GetString().Should().Contain("no specimen");
    }

    [Fact]
    public async Task RecordResult_UnknownOrder_Returns404()
    {
        var orderId = Guid.CreateVersion7();

        var response = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/tests/2345-7/result", new { value = "90" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetCatalog_NoToken_Returns401() =>
        (await factory.CreateAnonymousClient().GetAsync("/api/lab/catalog")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task PlaceOrder_BillingRole_Returns403AndStoresNothing()
    {
        var booked = await factory.BookVisitAsync();

        var response = await factory.CreateClient(Roles.Billing).PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "2345-7" } });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _clinician.GetAsync($"/api/lab/visits/{booked.VisitId}/orders").ReadAsAsync<List<LabOrderDetails>>()).Should().BeEmpty();
    }

    private async Task<Guid> CollectedOrderAsync(string testCode, string specimenType)
    {
        var booked = await factory.BookVisitAsync();
        var response = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { testCode } });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var orderId = (await response.ReadAsAsync<LabOrderDetails>()).OrderId;
        (await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/specimens", new { specimenType })).StatusCode.Should().Be(HttpStatusCode.Created);
        return orderId;
    }
}
