namespace PatientFlow.EndToEnd.Tests;

/// <summary>Every end-to-end test shares one running platform; tests in the collection run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
