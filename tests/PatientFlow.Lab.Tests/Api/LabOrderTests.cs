using System.Net;
using System.Net.Http.Json;
using Marten;
using PatientFlow.Contracts.Lab.V1;
using PatientFlow.ServiceDefaults.Auth;
using static PatientFlow.Lab.Tests.Api.LabFactory;

namespace PatientFlow.Lab.Tests.Api;

public class LabOrderTests(LabFactory factory) : IClassFixture<LabFactory>
{
    private readonly HttpClient _clinician = factory.CreateClient(Roles.Clinician);
    private readonly HttpClient _lab = factory.CreateClient(Roles.Lab);

    [Fact]
    public async Task OrderAndResult_BookedVisit_PublishesOrderedAndResultedWithVisitAndBillingCode()
    {
        var ordered = factory.Listen<LabTestOrdered>();
        var resulted = factory.Listen<LabResultRecorded>();
        var booked = await factory.BookVisitAsync();

        var order = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, testCode = "2345-7", priority = "stat" });

        order.StatusCode.Should().Be(HttpStatusCode.Created);
        var placed = await Body(order);
        var orderId = placed.GetProperty("orderId").GetGuid();
        order.Headers.Location!.ToString().Should().Be($"/api/lab/orders/{orderId}");
        placed.GetProperty("visitId").GetGuid().Should().Be(booked.VisitId);
        placed.GetProperty("patientId").GetGuid().Should().Be(booked.PatientId);
        placed.GetProperty("testName").GetString().Should().Be("Glucose (serum)");
        placed.GetProperty("priority").GetString().Should().Be("stat");
        placed.GetProperty("status").GetString().Should().Be("ordered");

        var result = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/result", new { value = 412, unit = "mg/dL" });

        result.StatusCode.Should().Be(HttpStatusCode.OK);
        var details = await Body(result);
        details.GetProperty("status").GetString().Should().Be("resulted");
        details.GetProperty("result").GetProperty("value").GetString().Should().Be("412");
        details.GetProperty("result").GetProperty("flag").GetString().Should().Be("HH");
        (await ordered.WaitForAsync(e => e.OrderId == orderId)).Should().Match<LabTestOrdered>(e =>
            e.VisitId == booked.VisitId && e.PatientId == booked.PatientId && e.TestCode == "2345-7");
        (await resulted.WaitForAsync(e => e.OrderId == orderId)).Should().Match<LabResultRecorded>(e =>
            e.VisitId == booked.VisitId && e.Value == "412" && e.Unit == "mg/dL" && e.Flag == "HH" && e.BillingCode == "82947");
    }

    [Fact]
    public async Task RecordResult_RapidStrepPositive_FlagsAbnormalAndListsUnderTheVisit()
    {
        var booked = await factory.BookVisitAsync();
        var orderId = await OrderAsync(booked.VisitId, "78012-2");

        var result = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/result", new { value = "positive" });

        result.StatusCode.Should().Be(HttpStatusCode.OK);
        var orders = await Body(await _clinician.GetAsync($"/api/lab/visits/{booked.VisitId}/orders"));
        orders.GetArrayLength().Should().Be(1);
        orders[0].GetProperty("orderId").GetGuid().Should().Be(orderId);
        orders[0].GetProperty("result").GetProperty("flag").GetString().Should().Be("A");
        orders[0].GetProperty("result").GetProperty("unit").GetString().Should().BeEmpty();
    }

    [Fact]
    public async Task GetCatalog_LabRole_ListsTestsWithUnitsRangesAndCpt()
    {
        var catalog = await Body(await _lab.GetAsync("/api/lab/catalog"));

        var tests = catalog.EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!);
        tests.Keys.Should().Contain(["2345-7", "4548-4", "718-7", "2093-3", "6301-6", "78012-2"]);
        tests["2345-7"].GetProperty("unit").GetString().Should().Be("mg/dL");
        tests["2345-7"].GetProperty("criticalLow").GetDecimal().Should().Be(50);
        tests["4548-4"].GetProperty("referenceHigh").GetDecimal().Should().Be(5.6m);
        tests["6301-6"].GetProperty("billingCode").GetString().Should().Be("85610");
        tests["78012-2"].GetProperty("kind").GetString().Should().Be("text");
        tests["78012-2"].GetProperty("normalText").GetString().Should().Be("negative");
    }

    [Fact]
    public async Task OrderTest_UnknownVisit_Returns404AndStoresNothing()
    {
        var visitId = Guid.CreateVersion7();

        var response = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId, testCode = "2345-7" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Body(response)).GetProperty("detail").GetString().Should().Contain(visitId.ToString());
        await using var session = factory.Store.QuerySession();
        (await session.Query<Orders.GettingDetails.LabOrderDetails>().CountAsync(o => o.VisitId == visitId)).Should().Be(0);
        (await session.Events.QueryRawEventDataOnly<Orders.LabTestOrdered>().CountAsync(e => e.VisitId == visitId)).Should().Be(0);
    }

    [Fact]
    public async Task OrderTest_CodeOutsideCatalog_Returns422NamingTestCodeAndStoresNothing()
    {
        var booked = await factory.BookVisitAsync();

        var response = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, testCode = "0000-0" });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Body(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("testCode");
        (await Body(await _clinician.GetAsync($"/api/lab/visits/{booked.VisitId}/orders"))).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task OrderTest_UnknownPriority_Returns400NamingPriority()
    {
        var booked = await factory.BookVisitAsync();

        var response = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, testCode = "2345-7", priority = "asap" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Body(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("priority");
        (await Body(await _clinician.GetAsync($"/api/lab/visits/{booked.VisitId}/orders"))).GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("""{"value":"high"}""", "value")]
    [InlineData("""{"value":5.5,"unit":"mmol/L"}""", "unit")]
    public async Task RecordResult_InvalidNumericResult_Returns422NamingFieldAndChangesNothing(string body, string field)
    {
        var booked = await factory.BookVisitAsync();
        var orderId = await OrderAsync(booked.VisitId, "2345-7");
        var before = await Body(await _lab.GetAsync($"/api/lab/orders/{orderId}"));

        var response = await _lab.PostAsync($"/api/lab/orders/{orderId}/result",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Body(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal(field);
        (await Body(await _lab.GetAsync($"/api/lab/orders/{orderId}"))).GetRawText().Should().Be(before.GetRawText());
    }

    [Fact]
    public async Task RecordResult_SentTwice_Returns409AndKeepsTheFirst()
    {
        var booked = await factory.BookVisitAsync();
        var orderId = await OrderAsync(booked.VisitId, "718-7");
        (await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/result", new { value = "13.5", unit = "g/dL" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var second = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/result", new { value = "6.1", unit = "g/dL" });

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var kept = (await Body(await _lab.GetAsync($"/api/lab/orders/{orderId}"))).GetProperty("result");
        kept.GetProperty("value").GetString().Should().Be("13.5");
        kept.GetProperty("flag").GetString().Should().Be("N");
    }

    [Fact]
    public async Task RecordResult_UnknownOrder_Returns404()
    {
        var orderId = Guid.CreateVersion7();

        var response = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/result", new { value = "90" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _lab.GetAsync($"/api/lab/orders/{orderId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetCatalog_NoToken_Returns401()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/api/lab/catalog");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OrderTest_BillingRole_Returns403AndStoresNothing()
    {
        var booked = await factory.BookVisitAsync();

        var response = await factory.CreateClient(Roles.Billing)
            .PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, testCode = "2345-7" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Body(await _clinician.GetAsync($"/api/lab/visits/{booked.VisitId}/orders"))).GetArrayLength().Should().Be(0);
    }

    private async Task<Guid> OrderAsync(Guid visitId, string testCode)
    {
        var response = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId, testCode });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await Body(response)).GetProperty("orderId").GetGuid();
    }
}
