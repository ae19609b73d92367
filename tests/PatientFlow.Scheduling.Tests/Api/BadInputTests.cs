using System.Net.Http.Headers;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PatientFlow.Platform.EventStore;
using PatientFlow.Scheduling.Patients;
using PatientFlow.Scheduling.Providers;
using PatientFlow.ServiceDefaults.Problems;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>What a fuzzer sends gets a 4xx problem naming what is wrong, never a 500, and stores nothing.</summary>
public class BadInputTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task EveryRouteWithAnId_AllZeroId_Answers404OrAsAnUnknownId()
    {
        var answers = await factory.ProbeAllZeroIdsAsync();

        answers.Should().NotBeEmpty("every scheduling route with an id in its path is asked");
        answers.Where(a => a.AllZero != HttpStatusCode.NotFound && a.AllZero != a.Unknown).Select(a => a.ToString()).Should().BeEmpty();
    }

    [Fact]
    public async Task OpenApi_IdsInPathsStillDocumentedAsUuids()
    {
        // The all-zero id is refused by the route constraint that replaces the built-in guid one; the document must not change.
        var document = await factory.CreateAnonymousClient().GetAsync("/api/scheduling/openapi/v1.json").ReadAsAsync<JsonElement>();

        var parameter = document.GetProperty("paths").GetProperty("/api/scheduling/appointments/{appointmentId}/check-in").GetProperty("post")
            .GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "appointmentId");
        parameter.GetProperty("schema").GetProperty("format").GetString().Should().Be("uuid");
    }

    [Fact]
    public async Task CommandPath_AllZeroStreamId_NotFoundBeforeAnythingIsDecided()
    {
        await using var session = factory.Store.LightweightSession();
        var decided = false;
        Func<Provider?, Task<IReadOnlyList<object>>> decide = _ =>
        {
            decided = true;
            return Task.FromResult<IReadOnlyList<object>>([]);
        };

        var mayStart = () => session.AppendAsync(Guid.Empty, decide, notFound: null, CancellationToken.None);
        var mustExist = () => session.AppendAsync(Guid.Empty, decide, () => Provider.NotFound(Guid.Empty), CancellationToken.None);

        await mayStart.Should().ThrowAsync<NotFoundException>();
        (await mustExist.Should().ThrowAsync<NotFoundException>()).Which.Message.Should().Be(Provider.NotFound(Guid.Empty).Message);
        decided.Should().BeFalse();
    }

    [Theory]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=ebcdic-cp-us")]
    public async Task RegisterResource_JsonInACharsetTheApiDoesNotRead_Answers415(string contentType)
    {
        var content = new StringContent("""{"kind":"room","code":"EXAM-9","name":"Exam 9","clinic":"north","category":"exam-room"}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await factory.Ops().PostAsync("/api/scheduling/resources", content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("charset");
    }

    [Fact]
    public async Task ListResources_NulInTheQuery_Answers400()
    {
        var response = await factory.Ops().GetAsync("/api/scheduling/resources?clinic=north%00");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("NUL");
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    [InlineData("image/png, text/*;q=0.5")]
    public async Task GetUnknownAppointment_AcceptOtherThanJson_Answers404AsProblemJson(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/scheduling/appointments/{Guid.NewGuid()}");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        var response = await factory.FrontDesk().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be(404);
        problem.GetProperty("correlationId").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task UnexpectedException_AcceptXml_IsAPlain500ProblemWithTheCorrelationIdAndNoInternals()
    {
        var http = await HandleAsync(new InvalidOperationException("Host=10.0.0.5;Password=hunter2 at PatientFlow.Internal.Thing()"));

        http.Response.StatusCode.Should().Be(StatusCodes.Status500InternalServerError);
        http.Response.ContentType.Should().Be("application/problem+json");
        var body = Body(http);
        body.Should().NotContain("hunter2").And.NotContain("10.0.0.5").And.NotContain("InvalidOperationException").And.NotContain("Bearer");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().Should().Be(500);
        problem.GetProperty("correlationId").GetString().Should().Be("fuzz-correlation-1");
    }

    [Fact]
    public async Task DeveloperExceptionPage_ExceptionEscapingTheHandler_AnsweredAsPlain500ProblemNeverThePage()
    {
        var http = Request();
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var pageRendered = false;
        var filters = factory.Services.GetServices<IDeveloperPageExceptionFilter>().ToList();
        // The middleware's chain: each filter may answer or pass on; the end of the chain renders the page.
        Func<ErrorContext, Task> page = _ =>
        {
            pageRendered = true;
            return Task.CompletedTask;
        };
        var chain = filters.AsEnumerable().Reverse().Aggregate(page, (next, filter) => context => filter.HandleExceptionAsync(context, next));

        await chain(new ErrorContext(http, new InvalidOperationException("Password=hunter2")));

        filters.Should().NotBeEmpty();
        pageRendered.Should().BeFalse();
        http.Response.ContentType.Should().Be("application/problem+json");
        Body(http).Should().NotContain("hunter2").And.Contain("fuzz-correlation-1");
    }

    [Theory]
    [InlineData("firstName", "Ada\u0000")]
    [InlineData("lastName", "\u0000")]
    [InlineData("insurancePayer", "Acme\u0000Health")]
    public async Task RegisterPatient_NulInAString_Answers400NamingTheFieldAndStoresNothing(string field, string value)
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];
        var body = new Dictionary<string, object>
        {
            ["mrn"] = mrn, ["firstName"] = "Ada", ["lastName"] = $"Example-{Guid.NewGuid():N}"[..20], ["dateOfBirth"] = "1980-04-12", ["sex"] = "female", ["clinic"] = "north",
            ["insuranceMemberId"] = "W123", ["insurancePayer"] = "Acme Health",
        };
        body[field] = value;

        var response = await factory.FrontDesk().PostAsJsonAsync("/api/scheduling/patients", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty(field)[0].GetString().Should().Contain("NUL");
        (await PatientsWithMrn(mrn)).Should().Be(0);
    }

    [Theory]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(10_000)]
    public async Task RegisterPatient_BodyNestedDeeperThan32_Answers400AndStoresNothing(int depth)
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];
        var json = Registration(mrn, notesDepth: depth - 1);

        var response = await factory.FrontDesk().PostAsync("/api/scheduling/patients", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await PatientsWithMrn(mrn)).Should().Be(0);
    }

    [Fact]
    public async Task RegisterPatient_BodyNested32Deep_IsRead()
    {
        var mrn = $"MRN-{Guid.NewGuid():N}"[..20];
        // The body is depth 1, so 31 arrays inside it reach the limit and no further.
        var json = Registration(mrn, notesDepth: 31);

        var response = await factory.FrontDesk().PostAsync("/api/scheduling/patients", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A valid registration but for one field the API does not know: arrays nested <paramref name="notesDepth"/> deep.</summary>
    private static string Registration(string mrn, int notesDepth)
    {
        var lastName = $"Example-{Guid.NewGuid():N}"[..20];
        var notes = new string('[', notesDepth) + new string(']', notesDepth);
        return $$"""{"mrn":"{{mrn}}","firstName":"Ada","lastName":"{{lastName}}","dateOfBirth":"1980-04-12","sex":"female","clinic":"north","notes":{{notes}}}""";
    }

    private async Task<int> PatientsWithMrn(string mrn)
    {
        await using var session = factory.Store.QuerySession();
        return await session.Query<PatientDetails>().CountAsync(p => p.Mrn == mrn.ToUpperInvariant());
    }

    /// <summary>A request that asks for XML, as the exception handler sees it (its correlation id already set).</summary>
    private DefaultHttpContext Request()
    {
        var http = new DefaultHttpContext { RequestServices = factory.Services.CreateScope().ServiceProvider };
        http.Request.Headers.Accept = "application/xml";
        http.Request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "secret-token").ToString();
        http.Items["X-Correlation-Id"] = "fuzz-correlation-1";
        http.Response.Body = new MemoryStream();
        return http;
    }

    private async Task<DefaultHttpContext> HandleAsync(Exception exception)
    {
        var http = Request();
        foreach (var handler in factory.Services.GetServices<IExceptionHandler>())
        {
            if (await handler.TryHandleAsync(http, exception, CancellationToken.None))
            {
                return http;
            }
        }

        throw new InvalidOperationException($"no exception handler took the {exception.GetType().Name}: it would reach the developer exception page");
    }

    private static string Body(HttpContext http)
    {
        http.Response.Body.Position = 0;
        return new StreamReader(http.Response.Body).ReadToEnd();
    }
}
