using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PatientFlow.Platform.EventStore;

/// <summary>
/// The <c>guid</c> route constraint (<c>{appointmentId:guid}</c>) of a service with an event store, which also refuses the
/// all-zero id: no stream has it and none may start with it, so a path naming it matches no route and is answered 404, as any
/// id that names nothing is. Routes that load a stream outside the command path are covered too.
/// </summary>
public sealed class StreamIdRouteConstraint : IRouteConstraint
{
    public const string Name = "guid";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value switch
        {
            Guid id => id != Guid.Empty,
            string text => Guid.TryParse(text, out var id) && id != Guid.Empty,
            _ => false,
        };
}
