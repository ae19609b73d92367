using PatientFlow.Testing;

namespace PatientFlow.Scheduling.Tests.Api;

public class EndpointAuthorizationTests(SchedulingFactory factory) : EndpointAuthorizationSpec<Program>(factory), IClassFixture<SchedulingFactory>;
