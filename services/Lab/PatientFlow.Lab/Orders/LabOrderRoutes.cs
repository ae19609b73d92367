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
        lab.MapPost("/orders", PlaceLabOrderDecider.Handle);
        lab.MapGet("/orders/{orderId:guid}", LabOrderQueries.Get);
        lab.MapPost("/orders/{orderId:guid}/cancellation", CancelLabOrderDecider.Handle);
        lab.MapPost("/orders/{orderId:guid}/specimens", CollectSpecimenDecider.Handle);
        lab.MapPost("/orders/{orderId:guid}/specimens/{specimenId:guid}/rejection", RejectSpecimenDecider.Handle);
        lab.MapPost("/orders/{orderId:guid}/specimens/{specimenId:guid}/send-out", SendOutSpecimenDecider.Handle);
        lab.MapPost("/orders/{orderId:guid}/tests/{testCode}/result", RecordLabResultDecider.Handle);
        lab.MapPost("/orders/{orderId:guid}/tests/{testCode}/amendment", AmendLabResultDecider.Handle);
        lab.MapPost("/orders/{orderId:guid}/tests/{testCode}/acknowledgement", AcknowledgeLabResultDecider.Handle).RequireAuthorization(AccessPolicies.ResultReview);
        lab.MapGet("/specimens/{accessionId}", LabOrderQueries.FindByAccession);
        lab.MapGet("/visits/{visitId:guid}/orders", LabOrderQueries.ForVisit);
        return app;
    }
}
