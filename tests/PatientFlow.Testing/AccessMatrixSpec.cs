using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing.Identity;
using Xunit;
using Xunit.Abstractions;

namespace PatientFlow.Testing;

/// <summary>
/// The route × role × clinic matrix of a service, generated from its endpoint table and checked against the service's
/// declared access table (<see cref="Table"/>): every route has a row and every row a route, every route names a
/// per-action policy, and for every role and every reach (the seeded records' clinic, another clinic, every clinic) the
/// answer is the declared one: let through, 403, or 404 worded exactly as for a record that does not exist.
/// </summary>
public abstract class AccessMatrixSpec<TProgram>(ServiceFactory<TProgram> factory, ITestOutputHelper output)
    where TProgram : class
{
    /// <summary>The declared table: one row per route (<c>"METHOD /template"</c>), who may use it, how clinics apply.</summary>
    protected abstract IEnumerable<AccessRule> Table { get; }

    /// <summary>
    /// Creates, in <see cref="AccessMatrix.OwnClinic"/>, a record for each parameter the table's routes name; answers the
    /// value of each route parameter (a parameter not answered gets a new id, or a word).
    /// </summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> SeedAsync();

    [Fact]
    public void Table_HasOneRowPerRoute()
    {
        var routes = Routes().Select(route => route.ToString()).ToList();
        var rows = Table.Select(row => row.Route).ToList();

        rows.Should().OnlyHaveUniqueItems();
        routes.Except(rows).Should().BeEmpty("a new route needs its row in the access table before it ships");
        rows.Except(routes).Should().BeEmpty("a row whose route is gone is stale");
    }

    [Fact]
    public void EveryRoute_NamesAPerActionPolicy()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null);

        endpoints.Where(endpoint => !endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Any(authorize => authorize.Policy is { } policy && (AccessPolicies.EndpointPolicies.ContainsKey(policy) || policy == AccessPolicies.Operations)))
            .Select(endpoint => endpoint.RoutePattern.RawText)
            .Should().BeEmpty("each route says which action it is, read or write, demographic or clinical");
    }

    [Fact]
    public async Task EveryRouteRoleAndClinic_AnswersAsDeclared()
    {
        var seeded = await SeedAsync();
        var table = Table.ToDictionary(row => row.Route);
        var mismatches = new List<string>();
        var cells = 0;

        foreach (var route in Routes())
        {
            if (!table.TryGetValue(route.ToString(), out var row))
            {
                mismatches.Add($"{route}: no row declared");
                continue;
            }

            foreach (var role in Roles.All)
            {
                foreach (var reach in Enum.GetValues<Reach>())
                {
                    cells++;
                    var expected = row.Expected(role, reach);
                    var (actual, status, detail) = await AskAsync(route, row, seeded, Caller(role, reach));
                    if (actual != expected)
                    {
                        mismatches.Add($"{route} as {role} in {reach}: expected {expected}, got {(int)status} {detail}");
                    }
                    else if (actual == Access.Hidden && row.AnswersAsUnknown)
                    {
                        // Not disclosed: the answer is the one a record that does not exist gets, word for word.
                        var unknown = Unknown(route, row);
                        var (_, unknownStatus, unknownDetail) = await AskAsync(route, row, new Dictionary<string, string>(seeded) { [row.Parameter!] = unknown }, Caller(role, reach));
                        if (unknownStatus != status || unknownDetail.Replace(unknown, "{id}", StringComparison.Ordinal) != detail.Replace(seeded[row.Parameter!], "{id}", StringComparison.Ordinal))
                        {
                            mismatches.Add($"{route} as {role} in {reach}: another clinic's record answers {(int)status} '{detail}' but an unknown one {(int)unknownStatus} '{unknownDetail}'");
                        }
                    }
                }
            }
        }

        Figures.Report(output, $"access matrix, {factory.Service} (routes × roles × clinics)",
            $"{Routes().Count} × {Roles.All.Count} × {Enum.GetValues<Reach>().Length} = {cells} cells, {mismatches.Count} not as declared");
        mismatches.Should().BeEmpty();
    }

    private IReadOnlyList<HttpRoute> Routes() => [.. RouteTable.Of(factory.Services).Where(route => route.Role is not null)];

    private static Caller Caller(string role, Reach reach)
    {
        string[] clinics = reach switch
        {
            Reach.OwnClinic => [AccessMatrix.OwnClinic],
            Reach.OtherClinic => [AccessMatrix.OtherClinic],
            _ => [],
        };
        return role == Roles.Integrator ? Identity.Caller.Integrator(TokenScopes.Integrator, clinics) : Identity.Caller.Staff(role, clinics);
    }

    private static string Unknown(HttpRoute route, AccessRule row) =>
        route.GuidParameters.Contains(row.Parameter!) ? Guid.CreateVersion7().ToString() : $"unknown{Random.Shared.Next(100_000, 999_999)}";

    private async Task<(Access Access, HttpStatusCode Status, string Detail)> AskAsync(
        HttpRoute route, AccessRule row, IReadOnlyDictionary<string, string> seeded, Caller caller)
    {
        using var client = factory.CreateClient(caller);
        var used = new List<string>();
        var made = new List<string>();
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.PathWith(name =>
            row.Values?.GetValueOrDefault(name)
            ?? (seeded.GetValueOrDefault(name) is { } value ? Remember(used, value)
            : Remember(made, route.GuidParameters.Contains(name) ? Guid.CreateVersion7().ToString() : "probe"))));
        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            // A body of the kind the route reads, so that what answers is the access check and not the media type.
            request.Content = route.ContentType == "application/json"
                ? JsonContent.Create(new { })
                : new StringContent("", System.Text.Encoding.UTF8, route.ContentType);
        }

        using var response = await client.SendAsync(request);
        var detail = await DetailAsync(response);
        var access = response.StatusCode switch
        {
            HttpStatusCode.Forbidden => Access.Forbidden,
            // A 404 naming a seeded record, and no id made up for the request, says that record was not found: it exists, so it was hidden.
            HttpStatusCode.NotFound when used.Any(value => detail.Contains(value, StringComparison.OrdinalIgnoreCase))
                && !made.Any(value => detail.Contains(value, StringComparison.OrdinalIgnoreCase)) => Access.Hidden,
            HttpStatusCode.Unauthorized or >= HttpStatusCode.InternalServerError => Access.Unexpected,
            _ => Access.Allowed,
        };
        return (access, response.StatusCode, detail);
    }

    private static string Remember(List<string> values, string value)
    {
        values.Add(value);
        return value;
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return "";
        }

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return $"{Text(problem, "title")}: {Text(problem, "detail")}";
    }

    private static string Text(JsonDocument problem, string name) =>
        problem.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
