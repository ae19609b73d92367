using System.Security.Claims;
using PatientFlow.Platform.Access;
using PatientFlow.ServiceDefaults.Auth;
using PatientFlow.Testing.Identity;

namespace PatientFlow.Tracking.Tests.Access;

/// <summary>
/// The platform's clinic scope as tracking reads with it: the clinics a request names (<see cref="ClinicScope.Narrow"/>,
/// <see cref="ClinicScope.Check"/>) are the caller's or refused, a visit whose clinic is not known yet is only for callers
/// of every clinic, and a token of another organisation admits nothing, whatever clinics it names.
/// </summary>
public class ClinicScopeTests
{
    private const string Deployment = Caller.DefaultOrganization;

    private static readonly ClinicScope North = Of(Caller.Staff(Roles.Ops, "north"));

    private static readonly ClinicScope Everywhere = Of(Caller.Staff(Roles.Ops));

    [Fact]
    public void Of_TokenOfAnotherOrganisationWithEveryClinic_AdmitsNothing()
    {
        var stranger = Of(Caller.Integrator([TokenScopes.FeedClinical]) with { Organization = "another-health-system" });

        stranger.HasAllClinics.Should().BeFalse();
        stranger.Clinics.Should().BeEmpty();
        stranger.Admits("north").Should().BeFalse();
        stranger.AdmitsRecordIn("north").Should().BeFalse();
        stranger.AdmitsRecordIn(null).Should().BeFalse();
        stranger.Covers([]).Should().BeFalse();
        stranger.Invoking(scope => scope.Narrow(Set(), "clinics")).Should().Throw<AccessRefusedException>().WithMessage("clinics: *");
        stranger.Invoking(scope => scope.Check("north", "clinic")).Should().Throw<AccessRefusedException>().WithMessage("clinic: *north*");
    }

    [Fact]
    public void Of_TokenWithoutAnOrganisation_AdmitsNothing()
    {
        var unplaced = ClinicScope.Of(new ClaimsPrincipal(new ClaimsIdentity([new Claim(TokenClaims.Clinic, TokenClaims.AllClinics)], "test")), Deployment);

        unplaced.HasAllClinics.Should().BeFalse();
        unplaced.AdmitsRecordIn("north").Should().BeFalse();
    }

    [Fact]
    public void AdmitsRecordIn_ClinicNotKnownYet_OnlyForEveryClinic()
    {
        Everywhere.AdmitsRecordIn(null).Should().BeTrue();
        ClinicScope.Every.AdmitsRecordIn(null).Should().BeTrue();
        North.AdmitsRecordIn(null).Should().BeFalse();
        North.Admits(RecordClinic.NotKnownYet(null)).Should().BeFalse("the same rule as a record's");
    }

    [Fact]
    public void AdmitsRecordIn_KnownClinic_TheCallersOnly()
    {
        North.AdmitsRecordIn("north").Should().BeTrue();
        North.AdmitsRecordIn("south").Should().BeFalse();
        Everywhere.AdmitsRecordIn("south").Should().BeTrue();
    }

    [Fact]
    public void Narrow_NothingAsked_TheCallersClinics_OrEveryClinicAsEmpty()
    {
        North.Narrow(Set(), "clinics").Should().BeEquivalentTo(["north"]);
        Everywhere.Narrow(Set(), "clinics").Should().BeEmpty("empty reads as every clinic");
        ClinicScope.Every.Narrow(Set("east"), "clinics").Should().BeEquivalentTo(["east"]);
    }

    [Fact]
    public void Narrow_ClinicsWithinTheCallers_ThoseAsked()
    {
        var scope = Of(Caller.Integrator([TokenScopes.FeedIds], "north", "south"));

        scope.Narrow(Set("south"), "clinics").Should().BeEquivalentTo(["south"]);
    }

    [Fact]
    public void Narrow_ClinicsOutsideTheCallers_RefusedNamingTheFieldAndEachClinic()
    {
        var refusal = North.Invoking(scope => scope.Narrow(Set("north", "west", "east"), "clinics")).Should().Throw<AccessRefusedException>().Which;

        refusal.Message.Should().Be("clinics: the token does not grant east, west");
    }

    [Fact]
    public void Narrow_TokenWithoutAClinic_Refused()
    {
        var none = Of(Caller.Integrator([TokenScopes.FeedIds]) with { Clinics = [] });

        none.Invoking(scope => scope.Narrow(Set(), "clinics")).Should().Throw<AccessRefusedException>().WithMessage("clinics: the token grants no clinic*");
    }

    [Fact]
    public void Check_NoClinicOrTheCallers_AnswersIt_AnotherRefusedNamingTheField()
    {
        North.Check(null, "clinic").Should().BeNull();
        North.Check("north", "clinic").Should().Be("north");
        Everywhere.Check("south", "clinic").Should().Be("south");
        North.Invoking(scope => scope.Check("south", "clinic")).Should().Throw<AccessRefusedException>()
            .Which.Message.Should().Be("clinic: the token does not grant south");
    }

    [Fact]
    public void Covers_EveryClinicOfTheList_OnlyWhenAllAreTheCallers()
    {
        var both = Of(Caller.Staff(Roles.Ops, "north", "south"));

        both.Covers(["north", "south"]).Should().BeTrue();
        both.Covers(["north", "east"]).Should().BeFalse();
        both.Covers([]).Should().BeFalse("an empty list is every clinic");
        Everywhere.Covers([]).Should().BeTrue();
        ClinicScope.Every.Covers(["east"]).Should().BeTrue();
    }

    private static ClinicScope Of(Caller caller) =>
        ClinicScope.Of(new ClaimsPrincipal(new ClaimsIdentity(caller.Claims(), "test", "sub", TokenClaims.Role)), Deployment);

    private static HashSet<string> Set(params string[] clinics) => [.. clinics];
}
