using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing.Identity;
using PatientFlow.Tracking.Tests.Api;

namespace PatientFlow.Tracking.Tests.Access;

/// <summary>
/// Generated from tracking's endpoint table: every integrator route (feed, webhooks, FHIR, HL7) refuses a token of the
/// integrator role that was granted no scope, so a new integrator route cannot skip its scope check.
/// </summary>
public class IntegratorRouteTests(TrackingFactory factory) : IClassFixture<TrackingFactory>
{
    /// <summary>The CapabilityStatement describes the server, not anyone's data: every FHIR client reads it.</summary>
    private const string OpenToEveryIntegrator = "/api/tracking/fhir/metadata";

    [Fact]
    public async Task EveryIntegratorRoute_TokenGrantedNoScope_403()
    {
        var client = factory.CreateClient(Caller.Integrator([]));
        var answers = new List<string>();

        foreach (var endpoint in IntegratorRoutes())
        {
            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? HttpMethods.Get;
            using var request = new HttpRequestMessage(new HttpMethod(method), SamplePath(endpoint.RoutePattern));
            if (method == HttpMethods.Post)
            {
                // A body each handler can bind, so what answers is the grant, not the binding.
                request.Content = JsonContent.Create(new { url = "https://93.184.216.34/hook", after = 0 });
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            answers.Add($"{method} {endpoint.RoutePattern.RawText} → {(int)response.StatusCode}");
        }

        answers.Should().HaveCountGreaterThan(10).And.OnlyContain(answer => answer.EndsWith($"→ {(int)HttpStatusCode.Forbidden}", StringComparison.Ordinal));
    }

    private List<RouteEndpoint> IntegratorRoutes() =>
    [
        .. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(authorize => authorize.Policy == AccessPolicies.IntegratorFeed))
            // gRPC's Subscribe is read on its own channel (ChannelGrantTests).
            .Where(endpoint => endpoint.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .Where(endpoint => endpoint.RoutePattern.RawText != OpenToEveryIntegrator),
    ];

    /// <summary>A FHIR type for <c>{type}</c>, a new id for a guid, a word otherwise.</summary>
    private static string SamplePath(RoutePattern pattern) => "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart { Name: "type" } => "Observation",
        RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(policy => policy.Content == "guid") => Guid.NewGuid().ToString(),
        _ => "sample",
    }))));
}
