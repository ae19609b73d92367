using PatientFlow.Testing.Audit;

namespace PatientFlow.Billing.Tests.Api;

public sealed class AuditedRoutesTests(BillingFactory factory) : AuditedRoutesSpec<Program>(factory), IClassFixture<BillingFactory>;
