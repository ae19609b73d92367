using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using PatientFlow.ServiceDefaults.Auth;
using static PatientFlow.Lab.Tests.Api.LabFactory;

namespace PatientFlow.Lab.Tests.Api;

/// <summary>ETag and If-Match on lab orders; two results racing for one order; ?asOf= from the order's events.</summary>
public class ConcurrencyTests(LabFactory factory) : IClassFixture<LabFactory>
{
    private readonly HttpClient _clinician = factory.CreateClient(Roles.Clinician);
    private readonly HttpClient _lab = factory.CreateClient(Roles.Lab);

    private async Task<Guid> OrderAsync()
    {
        var booked = await factory.BookVisitAsync();
        var order = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, testCode = "2345-7", priority = "routine" });
        return (await Body(order)).GetProperty("orderId").GetGuid();
    }

    [Fact]
    public async Task RecordResult_StaleIfMatch_412AndNothingAppended()
    {
        var orderId = await OrderAsync();
        var etag = (await _lab.GetAsync($"/api/lab/orders/{orderId}")).Headers.ETag!;

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/lab/orders/{orderId}/result") { Content = JsonContent.Create(new { value = 95, unit = "mg/dL" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"5\"");
        var rejected = await _lab.SendAsync(stale);
        var current = new HttpRequestMessage(HttpMethod.Post, $"/api/lab/orders/{orderId}/result") { Content = JsonContent.Create(new { value = 95, unit = "mg/dL" }) };
        current.Headers.IfMatch.Add(etag);
        var accepted = await _lab.SendAsync(current);

        etag.Tag.Should().Be("\"1\"");
        rejected.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().Should().Be("If-Match");
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        accepted.Headers.ETag!.Tag.Should().NotBe("\"1\"");
    }

    [Fact]
    public async Task RecordResult_TenAtOnce_OneWinsOthers409OneResultStored()
    {
        var orderId = await OrderAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/result", new { value = 90 + i, unit = "mg/dL" })));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).Should().Be(9);
        await using var session = factory.Store.QuerySession();
        (await session.Events.FetchStreamAsync(orderId)).Count(e => e.EventTypeName.Contains("result", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task GetOrderAsOf_BeforeTheResult_ShowsItUnresulted()
    {
        var orderId = await OrderAsync();
        var beforeResult = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        (await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/result", new { value = 95, unit = "mg/dL" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var then = await _lab.GetFromJsonAsync<JsonElement>($"/api/lab/orders/{orderId}?asOf={Uri.EscapeDataString(beforeResult.ToString("O"))}");
        var now = await _lab.GetFromJsonAsync<JsonElement>($"/api/lab/orders/{orderId}");

        then.GetProperty("status").GetString().Should().Be("ordered");
        now.GetProperty("status").GetString().Should().NotBe("ordered");
    }
}
