using System.Net;
using PatientFlow.Lab.Orders;
using PatientFlow.Lab.Orders.GettingDetails;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing;
using static PatientFlow.Lab.Tests.Api.LabFactory;

namespace PatientFlow.Lab.Tests.Api;

/// <summary>ETag and If-Match on lab orders; results racing for one order; ?asOf= from the order's events.</summary>
public class ConcurrencyTests(LabFactory factory) : IClassFixture<LabFactory>
{
    private readonly HttpClient _clinician = factory.CreateClient(Roles.Clinician);
    private readonly HttpClient _lab = factory.CreateClient(Roles.Lab);

    private async Task<(Guid OrderId, HttpResponseMessage Response)> OrderAsync()
    {
        var booked = await factory.BookVisitAsync();
        var order = await _clinician.PostAsJsonAsync("/api/lab/orders", new { visitId = booked.VisitId, tests = new[] { "2345-7" }, priority = "routine" });
        var orderId = (await order.ReadAsAsync<LabOrderDetails>()).OrderId;
        // Collected, so the glucose can be resulted: the order's second event.
        var collected = await _lab.PostAsJsonAsync($"/api/lab/orders/{orderId}/specimens", new { specimenType = "blood" });
        collected.StatusCode.Should().Be(HttpStatusCode.Created);
        return (orderId, collected);
    }

    private Task<HttpResponseMessage> ResultAsync(Guid orderId, string? ifMatch, decimal value = 95)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/lab/orders/{orderId}/tests/2345-7/result")
        {
            Content = JsonContent.Create(new { value, unit = "mg/dL" }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return _lab.SendAsync(request);
    }

    private async Task<int> EventCountAsync(Guid orderId)
    {
        await using var session = factory.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(orderId)).Count;
    }

    [Fact]
    public async Task RecordResult_CurrentIfMatch_200WithTheNextETag()
    {
        var (orderId, ordered) = await OrderAsync();
        var fetched = await _lab.GetAsync($"/api/lab/orders/{orderId}");

        var resulted = await ResultAsync(orderId, fetched.Headers.ETag!.Tag);
        var after = await _lab.GetAsync($"/api/lab/orders/{orderId}");

        ordered.Headers.ETag!.Tag.Should().Be("\"2\"");
        fetched.Headers.ETag!.Tag.Should().Be("\"2\"");
        resulted.StatusCode.Should().Be(HttpStatusCode.OK);
        resulted.Headers.ETag!.Tag.Should().Be("\"3\"");
        after.Headers.ETag!.Tag.Should().Be("\"3\"");
        (await after.ReadAsAsync<LabOrderDetails>()).Status.Should().Be(LabOrderStatus.Resulted);
    }

    [Fact]
    public async Task RecordResult_IfMatchOfTheOrderBeforeItsResult_412AndNothingAppended()
    {
        var (orderId, ordered) = await OrderAsync();
        var etag = ordered.Headers.ETag!.Tag;
        (await ResultAsync(orderId, etag, value: 95)).StatusCode.Should().Be(HttpStatusCode.OK);

        var stale = await ResultAsync(orderId, etag, value: 180);

        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var problem = await Body(stale);
        problem.GetProperty("field").GetString().Should().Be("If-Match");
        problem.GetProperty("currentVersion").GetInt64().Should().Be(3);
        (await EventCountAsync(orderId)).Should().Be(3);
        (await _lab.GetAsync($"/api/lab/orders/{orderId}").ReadAsAsync<LabOrderDetails>()).Tests[0].Result!.Value.Should().Be("95");
    }

    [Theory]
    [InlineData("W/\"abc\"")]
    [InlineData("\"one\"")]
    [InlineData("\"0\"")]
    [InlineData("\"1\", \"2\"")]
    public async Task RecordResult_MalformedIfMatch_400NamingIfMatchAndNothingAppended(string ifMatch)
    {
        var (orderId, _) = await OrderAsync();

        var response = await ResultAsync(orderId, ifMatch);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Body(response)).GetProperty("detail").GetString().Should().StartWith("If-Match");
        (await EventCountAsync(orderId)).Should().Be(2);
    }

    [Fact]
    public async Task RecordResult_TenAtOnce_OneWinsOthers409OneResultStored()
    {
        var (orderId, _) = await OrderAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => ResultAsync(orderId, ifMatch: null, value: 90 + i)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).Should().Be(9);
        (await EventCountAsync(orderId)).Should().Be(3);
    }

    [Fact]
    public async Task RecordResult_TenAtOnceWithTheSameIfMatch_OneWinsOthers409Or412OneResultStored()
    {
        var (orderId, ordered) = await OrderAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => ResultAsync(orderId, ordered.Headers.ETag!.Tag, value: 90 + i)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.OK).Should().HaveCount(9)
            .And.OnlyContain(a => a.StatusCode == HttpStatusCode.Conflict || a.StatusCode == HttpStatusCode.PreconditionFailed);
        (await EventCountAsync(orderId)).Should().Be(3);
    }

    [Fact]
    public async Task GetOrderAsOf_BeforeTheResult_ShowsItUnresulted()
    {
        var (orderId, _) = await OrderAsync();
        var beforeResult = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        (await ResultAsync(orderId, ifMatch: null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var then = await _lab.GetAsync($"/api/lab/orders/{orderId}?asOf={Uri.EscapeDataString(beforeResult.ToString("O"))}").ReadAsAsync<LabOrderDetails>();
        var now = await _lab.GetAsync($"/api/lab/orders/{orderId}?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(1).ToString("O"))}").ReadAsAsync<LabOrderDetails>();

        then.Status.Should().Be(LabOrderStatus.InProgress);
        then.Tests[0].Result.Should().BeNull();
        now.Status.Should().Be(LabOrderStatus.Resulted);
        now.Tests[0].Result!.Value.Should().Be("95");
    }

    [Fact]
    public async Task GetOrderAsOf_BeforeTheOrderExisted_Returns404()
    {
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var (orderId, _) = await OrderAsync();

        var response = await _lab.GetAsync($"/api/lab/orders/{orderId}?asOf={Uri.EscapeDataString(before.ToString("O"))}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("2026-11-23T09:30:00")]
    [InlineData("2026-11-23")]
    [InlineData("now")]
    public async Task GetOrderAsOf_NotAnInstantWithOffset_Returns422NamingAsOf(string asOf)
    {
        var (orderId, _) = await OrderAsync();

        var response = await _lab.GetAsync($"/api/lab/orders/{orderId}?asOf={Uri.EscapeDataString(asOf)}");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Body(response)).GetProperty("errors").TryGetProperty("asOf", out _).Should().BeTrue();
    }
}
