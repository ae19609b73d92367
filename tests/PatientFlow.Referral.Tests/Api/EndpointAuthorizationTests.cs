using PatientFlow.Testing;

namespace PatientFlow.Referral.Tests.Api;

public class EndpointAuthorizationTests(ReferralFactory factory) : EndpointAuthorizationSpec<Program>(factory), IClassFixture<ReferralFactory>;
