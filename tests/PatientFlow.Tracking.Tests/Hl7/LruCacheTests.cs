using PatientFlow.Tracking.Integrators.Hl7;

namespace PatientFlow.Tracking.Tests.Hl7;

public class LruCacheTests
{
    [Fact]
    public void Set_BeyondCapacity_ForgetsTheEntryUsedLongestAgo()
    {
        var cache = new LruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.TryGet("a", out _).Should().BeTrue();

        cache.Set("c", 3);

        cache.Contains("b").Should().BeFalse("b was used longest ago");
        (cache.TryGet("a", out var a), a).Should().Be((true, 1));
        (cache.TryGet("c", out var c), c).Should().Be((true, 3));
        cache.Count.Should().Be(2);
    }

    [Fact]
    public void Set_ExistingKey_ReplacesTheValueWithoutGrowing()
    {
        var cache = new LruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("a", 2);

        (cache.TryGet("a", out var a), a, cache.Count).Should().Be((true, 2, 1));
    }
}
