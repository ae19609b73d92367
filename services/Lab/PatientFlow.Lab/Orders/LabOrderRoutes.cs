using PatientFlow.Platform.Visits;
using PatientFlow.Lab.Orders.Cancelling;
using PatientFlow.Lab.Orders.Ordering;
using PatientFlow.Lab.Orders.Resulting;
using PatientFlow.Lab.Orders.Specimens;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;

namespace PatientFlow.Lab.Orders;

/// <summary>The order's routes: one line a slice; each slice's file holds its handler, command and decision.</summary>
public static class LabOrderRoutes
{
    public static IEndpointRouteBuilder MapLabOrderRoutes(this IEndpointRouteBuilder app)
    {
        var lab = app.MapGroup("/api/lab").RequireAuthorization(AccessPolicies.Lab).WithTags("Lab orders");
        lab.Audited("lab-order");
        lab.MapPost("/orders", PlaceLabOrderDecider.Handle).RequireAuthorization(AccessPolicies.LabOrdering);

        lab.MapGet("/orders/{orderId:guid}", LabOrderQueries.Get).RequireAuthorization(AccessPolicies.LabView)
            .RequireClinicOf("orderId", LabClinics.OrderAsync, LabOrder.NotFound);
        var order = lab.MapGroup("/orders/{orderId:guid}").RequireClinicOf("orderId", LabClinics.OrderAsync, LabOrder.NotFound);
        order.MapPost("/cancellation", CancelLabOrderDecider.Handle).RequireAuthorization(AccessPolicies.LabOrdering);
        order.MapPost("/specimens", CollectSpecimenDecider.Handle).RequireAuthorization(AccessPolicies.SpecimenHandling);
        order.MapPost("/specimens/{specimenId:guid}/rejection", RejectSpecimenDecider.Handle).RequireAuthorization(AccessPolicies.SpecimenHandling);
        order.MapPost("/specimens/{specimenId:guid}/send-out", SendOutSpecimenDecider.Handle).RequireAuthorization(AccessPolicies.SpecimenHandling);
        order.MapPost("/tests/{testCode}/result", RecordLabResultDecider.Handle).RequireAuthorization(AccessPolicies.ResultEntry);
        order.MapPost("/tests/{testCode}/amendment", AmendLabResultDecider.Handle).RequireAuthorization(AccessPolicies.ResultEntry);
        order.MapPost("/tests/{testCode}/acknowledgement", AcknowledgeLabResultDecider.Handle).RequireAuthorization(AccessPolicies.ResultReview);

        lab.MapGet("/specimens/{accessionId}", LabOrderQueries.FindByAccession).RequireAuthorization(AccessPolicies.LabView)
            .RequireClinicOf("accessionId", LabClinics.AccessionAsync, accessionId => new NotFoundException($"no specimen has accession number {accessionId}"));
        lab.MapGet("/visits/{visitId:guid}/orders", LabOrderQueries.ForVisit).RequireAuthorization(AccessPolicies.LabView)
            .RequireClinicOf("visitId", Visit.ClinicOfAsync, Visit.NotFound);
        return app;
    }
}
