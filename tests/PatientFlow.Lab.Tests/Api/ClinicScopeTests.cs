using System.Net;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Lab.Orders.GettingDetails;
using PatientFlow.Testing.Identity;

namespace PatientFlow.Lab.Tests.Api;

/// <summary>Lab work is seen and done in the visit's clinic; results are the lab's to enter.</summary>
public class ClinicScopeTests(LabFactory factory) : IClassFixture<LabFactory>
{
    [Fact]
    public async Task PlaceOrder_ClinicianOfAnotherClinic_Answers404AndOrdersNothing()
    {
        var booked = await factory.BookVisitAsync();

        var response = await factory.CreateClient(Caller.Staff(Roles.Clinician, "south"))
            .PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "2345-7" } });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await factory.CreateClient(Roles.Lab).GetAsync($"/api/lab/visits/{booked.VisitId}/orders").ReadAsAsync<IReadOnlyList<LabOrderDetails>>()).Should().BeEmpty();
    }

    [Fact]
    public async Task EnterResult_Clinician_Answers403AndRecordsNothing()
    {
        var booked = await factory.BookVisitAsync();
        var order = await factory.CreateClient(Roles.Clinician).PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "2345-7" } })
            .ReadAsAsync<LabOrderDetails>();
        await factory.CreateClient(Roles.Lab).PostAsJsonAsync($"/api/lab/orders/{order.OrderId}/specimens", new { specimenType = "blood" });

        var response = await factory.CreateClient(Roles.Clinician).PostAsJsonAsync($"/api/lab/orders/{order.OrderId}/tests/2345-7/result", new { value = 90, unit = "mg/dL" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden, "clinicians review results; the lab enters them");
        (await factory.CreateClient(Roles.Lab).GetAsync($"/api/lab/orders/{order.OrderId}").ReadAsAsync<LabOrderDetails>()).Tests[0].Result.Should().BeNull();
    }

    [Fact]
    public async Task CriticalResults_LabOfAnotherClinic_ListsNoneOfThisClinics()
    {
        var booked = await factory.BookVisitAsync();
        var order = await factory.CreateClient(Roles.Clinician).PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "2345-7" } })
            .ReadAsAsync<LabOrderDetails>();
        var lab = factory.CreateClient(Roles.Lab);
        await lab.PostAsJsonAsync($"/api/lab/orders/{order.OrderId}/specimens", new { specimenType = "blood" });
        (await lab.PostAsJsonAsync($"/api/lab/orders/{order.OrderId}/tests/2345-7/result", new { value = 412, unit = "mg/dL" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var south = await factory.CreateClient(Caller.Staff(Roles.Lab, "south")).GetAsync("/api/lab/critical-results").ReadAsAsync<IReadOnlyList<JsonElement>>();
        var north = await factory.CreateClient(Caller.Staff(Roles.Lab, "north")).GetAsync("/api/lab/critical-results").ReadAsAsync<IReadOnlyList<JsonElement>>();

        south.Should().NotContain(r => r.GetProperty("orderId").GetString() == order.OrderId.ToString());
        north.Should().Contain(r => r.GetProperty("orderId").GetString() == order.OrderId.ToString());
    }
}
