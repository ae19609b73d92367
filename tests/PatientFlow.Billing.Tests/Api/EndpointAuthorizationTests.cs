using PatientFlow.Testing;

namespace PatientFlow.Billing.Tests.Api;

public class EndpointAuthorizationTests(BillingFactory factory) : EndpointAuthorizationSpec<Program>(factory), IClassFixture<BillingFactory>;
