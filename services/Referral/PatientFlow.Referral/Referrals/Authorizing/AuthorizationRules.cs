namespace PatientFlow.Referral.Referrals.Authorizing;

/// <summary>Prior authorization: requested → approved or denied → (appealed → requested again). What the steps share.</summary>
public static class AuthorizationRules
{
    public static void EnsurePending(Referral referral)
    {
        referral.EnsureOpen();
        if (referral.Authorization.Status != AuthorizationStatus.Requested)
        {
            throw new ConflictException($"referral {referral.Id} has no pending authorization request (it is {Word(referral.Authorization.Status)})");
        }
    }

    public static string Word<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
