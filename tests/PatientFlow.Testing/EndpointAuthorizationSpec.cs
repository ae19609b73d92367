using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace PatientFlow.Testing;

/// <summary>
/// Generated from a service's endpoint table, so no new route escapes it: every endpoint names a policy or is one of
/// the service's known anonymous ones, and every other endpoint answers 401 to a call without a token. A service's
/// test project derives one class from it with its own factory.
/// </summary>
public abstract class EndpointAuthorizationSpec<TProgram>(ServiceFactory<TProgram> factory, params string[] alsoAnonymous)
    where TProgram : class
{
    [Fact]
    public void Endpoints_EachNamesAPolicyOrIsAKnownAnonymousOne()
    {
        var endpoints = Endpoints();

        endpoints.Should().NotBeEmpty();
        endpoints.Where(endpoint => !IsAnonymous(endpoint) && !NamesPolicy(endpoint)).Select(Describe)
            .Should().BeEmpty("a route without a policy would admit any signed-in role");
        endpoints.Where(IsAnonymous).Select(endpoint => endpoint.RoutePattern.RawText)
            .Should().BeEquivalentTo(["/health/live", "/health/ready", "/metrics", $"/api/{factory.Service}/openapi/{{documentName}}.json", .. alsoAnonymous]);
    }

    [Fact]
    public async Task CallEveryGuardedEndpoint_WithoutToken_Answers401()
    {
        using var client = factory.CreateAnonymousClient();
        var answers = new List<string>();

        foreach (var endpoint in Endpoints().Where(endpoint => !IsAnonymous(endpoint)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(MethodOf(endpoint)), SamplePath(endpoint.RoutePattern));
            using var response = await client.SendAsync(request);
            answers.Add($"{Describe(endpoint)} → {(int)response.StatusCode}");
        }

        answers.Should().NotBeEmpty().And.OnlyContain(answer => answer.EndsWith($"→ {(int)HttpStatusCode.Unauthorized}", StringComparison.Ordinal));
    }

    // gRPC's own answers for a method no service of ours has (UNIMPLEMENTED) carry nothing; the fallback policy closes
    // them to the anonymous like any endpoint without a policy.
    private List<RouteEndpoint> Endpoints() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => !endpoint.RoutePattern.Parameters.Any(parameter => parameter.ParameterPolicies.Any(policy => policy.Content == "grpcunimplemented")))];

    private static bool IsAnonymous(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    private static bool NamesPolicy(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(authorize => authorize.Policy is { Length: > 0 });

    private static string MethodOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? HttpMethods.Get;

    private static string Describe(RouteEndpoint endpoint) => $"{MethodOf(endpoint)} {endpoint.RoutePattern.RawText}";

    /// <summary>The route with a value in each parameter: a new id for a guid, 1 for a number, a word otherwise.</summary>
    private static string SamplePath(RoutePattern pattern) => "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(policy => policy.Content == "guid") => Guid.NewGuid().ToString(),
        RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(policy => policy.Content is "int" or "long") => "1",
        _ => "sample",
    }))));
}
