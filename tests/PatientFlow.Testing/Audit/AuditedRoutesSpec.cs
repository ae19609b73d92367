using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Platform.Audit;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing.Identity;
using Xunit;

namespace PatientFlow.Testing.Audit;

/// <summary>
/// Generated from a service's endpoint table: every guarded route under <c>/api/</c> declares whether it holds patient
/// data (<c>.Audited(...)</c> or <c>.HoldsNoPhi()</c>), so a new route without a declaration fails here; and every request
/// to an audited route, served or refused, leaves exactly one record naming its route and status. A service's test
/// project derives one class from it with its own factory.
/// </summary>
public abstract class AuditedRoutesSpec<TProgram>(ServiceFactory<TProgram> factory) where TProgram : class
{
    private static readonly TimeSpan StreamLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public void EveryGuardedApiRoute_DeclaresWhetherItHoldsPatientData()
    {
        var undeclared = ApiEndpoints()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(endpoint => endpoint.Metadata.GetMetadata<AuditedResource>() is null && endpoint.Metadata.GetMetadata<NoPhi>() is null)
            .Select(Describe);

        undeclared.Should().BeEmpty("a route that returns or changes patient data must be audited, or say that it holds none");
        AuditedRoutes().Should().NotBeEmpty();
    }

    [Fact]
    public async Task CallEveryAuditedRoute_WithoutToken_LeavesOneRefusedRecord()
    {
        using var client = factory.CreateAnonymousClient();
        await EachLeavesOneRecordAsync(_ => client, expected: HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CallEveryAuditedRoute_WithARoleItRefuses_LeavesOneRefusedRecord()
    {
        await EachLeavesOneRecordAsync(
            route => RefusedRole(route) is { } role ? factory.CreateClient(Caller.Staff(role)) : null,
            expected: HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CallEveryAuditedRoute_AsARoleItAdmits_LeavesOneRecordWithItsOutcome()
    {
        // Unknown ids and empty bodies: lists answer 200, the rest 400 or 404; whatever the answer, one record says it.
        await EachLeavesOneRecordAsync(route => route.Role is { } role ? factory.CreateClient(Caller.ForRole(role)) : null, expected: null);
    }

    private async Task EachLeavesOneRecordAsync(Func<HttpRoute, HttpClient?> clientFor, HttpStatusCode? expected)
    {
        var log = new AuditLog(factory.AuditDatabaseConnectionString);
        var findings = new List<string>();
        var called = 0;
        foreach (var route in AuditedRoutes())
        {
            if (clientFor(route) is not { } client)
            {
                continue;
            }

            called++;
            var before = await log.LastIdAsync();
            var status = await SendAsync(client, route, ContentTypeOf(route));
            var records = await log.AfterAsync(before);
            var mine = records.Where(r => r.Entry.Route == route.ToString()).ToList();
            if (expected is { } refused && status != refused)
            {
                findings.Add($"{route}: answered {(int)status}, expected {(int)refused}");
            }

            if (records.Count != 1 || mine.Count != 1 || mine[0].Entry.StatusCode != (int)status || mine[0].Entry.Outcome != AuditEntry.OutcomeOf((int)status))
            {
                findings.Add($"{route} → {(int)status}: {records.Count} record(s) [{string.Join("; ", records.Select(r => $"{r.Entry.Route} {r.Entry.StatusCode} {r.Entry.Outcome}"))}]");
            }
        }

        called.Should().BeGreaterThan(0);
        findings.Should().BeEmpty();
        (await log.VerifyAsync()).FirstBreak.Should().BeNull();
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpRoute route, string contentType)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.PathWith(Guid.NewGuid()));
        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            // A body of a type the route takes, or routing answers 415 from an endpoint of its own before the route is chosen.
            request.Content = new StringContent(contentType == "application/json" ? "{}" : "", Encoding.UTF8, contentType);
        }

        // Streams (the board, the feed's server-sent events) never end by themselves: their record is written when the answer starts.
        using var limit = new CancellationTokenSource(StreamLimit);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
        return response.StatusCode;
    }

    private string ContentTypeOf(HttpRoute route) =>
        ApiEndpoints().First(endpoint => endpoint.RoutePattern.RawText == route.Pattern.RawText && Methods(endpoint).Contains(route.Method))
            .Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";

    private static IEnumerable<string> Methods(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];

    private string? RefusedRole(HttpRoute route) =>
        route.Role is null ? null : Roles.All.FirstOrDefault(role => !Admits(route, role));

    private bool Admits(HttpRoute route, string role) =>
        route.Role == role || AdmittedRoles(route).Contains(role);

    private IReadOnlyList<string> AdmittedRoles(HttpRoute route) => RoleTable.TryGetValue(route.ToString(), out var roles) ? roles : [];

    private Dictionary<string, IReadOnlyList<string>> RoleTable => _roleTable ??= BuildRoleTable();

    private Dictionary<string, IReadOnlyList<string>>? _roleTable;

    private Dictionary<string, IReadOnlyList<string>> BuildRoleTable()
    {
        var table = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var endpoint in ApiEndpoints())
        {
            IEnumerable<string> admitted = Roles.All;
            foreach (var policy in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct())
            {
                admitted = admitted.Intersect(AccessPolicies.RolesByPolicy.TryGetValue(policy, out var roles) ? roles : AccessPolicies.EndpointPolicies[policy]);
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
            {
                table[$"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}"] = [.. admitted];
            }
        }

        return table;
    }

    private IReadOnlyList<HttpRoute> AuditedRoutes()
    {
        var audited = ApiEndpoints().Where(AuditedEndpoints.IsAudited).Select(endpoint => endpoint.RoutePattern.RawText).ToHashSet();
        return [.. RouteTable.Of(factory.Services).Where(route => audited.Contains(route.Pattern.RawText))];
    }

    private List<RouteEndpoint> ApiEndpoints() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)];

    private static string Describe(RouteEndpoint endpoint) =>
        $"{endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET"} {endpoint.RoutePattern.RawText}";
}
