using PatientFlow.Testing;

namespace PatientFlow.Lab.Tests.Api;

public class EndpointAuthorizationTests(LabFactory factory) : EndpointAuthorizationSpec<Program>(factory), IClassFixture<LabFactory>;
