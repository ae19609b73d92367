using System.Net.Http.Headers;
using PatientFlow.Scheduling.Providers;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Api;

/// <summary>Generating slots from the template takes If-Match as every command on the provider's stream does.</summary>
public class SlotGenerationConcurrencyTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static readonly DateOnly Day = NextMonday();

    [Fact]
    public async Task Generate_CurrentIfMatch_OpensSlotsWithNextETag()
    {
        var (providerId, etag) = await ProviderWithTemplateAsync();

        var response = await factory.Ops().SendAsync(Generate(providerId, etag));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Headers.ETag.Should().Be(new EntityTagHeaderValue("\"3\""));
        (await SlotCount(providerId)).Should().Be(3);
    }

    [Theory]
    [InlineData("version-two")]
    [InlineData("\"0\"")]
    [InlineData("\"2\", \"3\"")]
    [InlineData("\"99999999999999999999\"")]
    public async Task Generate_MalformedIfMatch_400NamingIfMatchAndOpensNothing(string ifMatch)
    {
        var (providerId, _) = await ProviderWithTemplateAsync();

        var response = await factory.Ops().SendAsync(Generate(providerId, ifMatch));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("If-Match");
        (await SlotCount(providerId)).Should().Be(0);
    }

    [Fact]
    public async Task Generate_StaleIfMatch_412WithCurrentVersionAndOpensNothing()
    {
        var (providerId, _) = await ProviderWithTemplateAsync();

        var response = await factory.Ops().SendAsync(Generate(providerId, "\"1\""));

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("field").GetString().Should().Be("If-Match");
        problem.GetProperty("currentVersion").GetInt64().Should().Be(2);
        (await SlotCount(providerId)).Should().Be(0);
    }

    /// <summary>A provider (version 1) with a Monday template of three 20-minute slots (version 2); the ETag it answered.</summary>
    private async Task<(string ProviderId, string ETag)> ProviderWithTemplateAsync()
    {
        var providerId = await factory.ProviderAsync();
        var template = await factory.Ops().PutAsJsonAsync($"/api/scheduling/providers/{providerId}/template", new
        {
            sessions = new[] { new { day = "monday", start = "09:00", end = "10:00", slotMinutes = 20, room = "EXAM-1" } },
        });
        template.StatusCode.Should().Be(HttpStatusCode.OK, await template.Content.ReadAsStringAsync());
        return (providerId, template.Headers.ETag!.Tag);
    }

    private static HttpRequestMessage Generate(string providerId, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/scheduling/providers/{providerId}/template/generation")
        {
            Content = JsonContent.Create(new { from = Day.ToString("O"), to = Day.ToString("O") }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private async Task<int> SlotCount(string providerId) =>
        (await factory.Ops().GetAsync($"/api/scheduling/providers/{providerId}").ReadAsAsync<ProviderDetails>()).Slots.Count;

    private static DateOnly NextMonday()
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
