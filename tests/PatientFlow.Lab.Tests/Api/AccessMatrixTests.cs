using System.Net;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using PatientFlow.Lab.Orders.GettingDetails;
using Xunit.Abstractions;
using static PatientFlow.Testing.AccessMatrix;

namespace PatientFlow.Lab.Tests.Api;

/// <summary>Lab's access table: clinicians order and acknowledge, the lab handles specimens and enters results; an order is its visit's clinic's.</summary>
public class AccessMatrixTests(LabFactory factory, ITestOutputHelper output)
    : AccessMatrixSpec<Program>(factory, output), IClassFixture<LabFactory>
{
    private const string Order = "/api/lab/orders/{orderId:guid}";

    protected override IEnumerable<AccessRule> Table =>
    [
        Row("POST /api/lab/orders", Clinician),
        Record($"GET {Order}", LabAndClinician, "orderId"),
        Record($"POST {Order}/cancellation", Clinician, "orderId"),
        Record($"POST {Order}/specimens", LabStaff, "orderId"),
        Record($"POST {Order}/specimens/{{specimenId:guid}}/rejection", LabStaff, "orderId"),
        Record($"POST {Order}/specimens/{{specimenId:guid}}/send-out", LabStaff, "orderId"),
        Record($"POST {Order}/tests/{{testCode}}/result", LabStaff, "orderId"),
        Record($"POST {Order}/tests/{{testCode}}/amendment", LabStaff, "orderId"),
        Record($"POST {Order}/tests/{{testCode}}/acknowledgement", Clinician, "orderId"),
        Record($"GET {Order}/turnaround", LabAndClinician, "orderId"),
        Record("GET /api/lab/specimens/{accessionId}", LabAndClinician, "accessionId"),
        Record("GET /api/lab/visits/{visitId:guid}/orders", LabAndClinician, "visitId"),
        Listed("GET /api/lab/critical-results", LabAndClinician),
        Listed("GET /api/lab/turnaround", LabAndClinician),
        Row("GET /api/lab/catalog/", LabAndClinician),
        .. Operations("lab"),
    ];

    /// <summary>A visit booked at the north clinic, an order for it and a collected specimen.</summary>
    protected override async Task<IReadOnlyDictionary<string, string>> SeedAsync()
    {
        var booked = await factory.BookVisitAsync();
        var order = await factory.CreateClient(Roles.Clinician).PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "2345-7" } })
            .ReadAsAsync<LabOrderDetails>();
        var collected = await factory.CreateClient(Roles.Lab).PostAsJsonAsync($"/api/lab/orders/{order.OrderId}/specimens", new { specimenType = "blood" })
            .ReadAsAsync<LabOrderDetails>();
        return new Dictionary<string, string>
        {
            ["visitId"] = booked.VisitId.ToString(),
            ["orderId"] = order.OrderId.ToString(),
            ["specimenId"] = collected.Specimens[0].SpecimenId.ToString(),
            ["accessionId"] = collected.Specimens[0].AccessionId,
            ["testCode"] = "2345-7",
        };
    }
}
