using PatientFlow.Testing.Audit;

namespace PatientFlow.Referral.Tests.Api;

public sealed class AuditedRoutesTests(ReferralFactory factory) : AuditedRoutesSpec<Program>(factory), IClassFixture<ReferralFactory>;
