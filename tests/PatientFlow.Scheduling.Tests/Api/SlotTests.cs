using PatientFlow.Scheduling.Providers;
using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Api;

public class SlotTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task OpenSlots_OverlappingExistingSlots_Returns409()
    {
        var (providerId, _) = await factory.ProviderWithSlotsAsync(2);
        var provider = await factory.FrontDesk().GetAsync($"/api/scheduling/providers/{providerId}").ReadAsAsync<ProviderDetails>();
        var firstStart = provider.Slots[0].StartsAt;

        var response = await factory.FrontDesk().PostAsJsonAsync($"/api/scheduling/providers/{providerId}/slots",
            new { startsAt = firstStart.AddMinutes(5), durationMinutes = 20, count = 1 });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task OpenSlots_DurationOutOfRange_Returns422NamingTheFieldAndOpensNothing()
    {
        var (providerId, _) = await factory.ProviderWithSlotsAsync(1);

        var response = await factory.FrontDesk().PostAsJsonAsync($"/api/scheduling/providers/{providerId}/slots",
            new { startsAt = DateTimeOffset.UtcNow.AddDays(3), durationMinutes = 241, count = 2 });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("durationMinutes", out _).Should().BeTrue();
        (await SlotCount(providerId)).Should().Be(1);
    }

    [Fact]
    public async Task OpenSlots_StartWithoutOffset_Returns400NamingStartsAtAndOpensNothing()
    {
        var (providerId, _) = await factory.ProviderWithSlotsAsync(1);

        var response = await factory.FrontDesk().PostAsJsonAsync($"/api/scheduling/providers/{providerId}/slots",
            new { startsAt = "2030-03-04T09:00:00", durationMinutes = 20, count = 1 });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("startsAt", out _).Should().BeTrue();
        (await SlotCount(providerId)).Should().Be(1);
    }

    [Fact]
    public async Task GetSlots_UnknownStatus_Returns422NamingStatus()
    {
        var (providerId, _) = await factory.ProviderWithSlotsAsync(1);

        var response = await factory.FrontDesk().GetAsync($"/api/scheduling/providers/{providerId}/slots?status=1");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _).Should().BeTrue();
    }

    private async Task<int> SlotCount(string providerId)
    {
        var provider = await factory.FrontDesk().GetAsync($"/api/scheduling/providers/{providerId}").ReadAsAsync<ProviderDetails>();
        return provider.Slots.Count;
    }
}
