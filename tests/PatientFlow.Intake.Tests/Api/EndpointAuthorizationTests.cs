using PatientFlow.Testing;

namespace PatientFlow.Intake.Tests.Api;

public class EndpointAuthorizationTests(IntakeFactory factory) : EndpointAuthorizationSpec<Program>(factory), IClassFixture<IntakeFactory>;
