using Microsoft.AspNetCore.Mvc;
using PatientFlow.Referral.Referrals.Authorizing;

namespace PatientFlow.Referral.Referrals.Scheduling;

public static class SchedulingRules
{
    public static void EnsureSchedulable(Referral referral, DateTimeOffset now)
    {
        referral.EnsureOpen();
        if (referral.Status == ReferralStatus.Scheduled)
        {
            throw new ConflictException($"referral {referral.Id} is already scheduled at {referral.Appointment!.Facility} on {referral.Appointment.At:O}");
        }

        var authorization = referral.Authorization;
        switch (authorization.Status)
        {
            case AuthorizationStatus.Requested:
                throw new ConflictException($"referral {referral.Id}'s prior authorization is still pending", "authorization");
            case AuthorizationStatus.Denied:
                throw new ConflictException($"referral {referral.Id}'s prior authorization was denied; appeal it first", "authorization");
            case AuthorizationStatus.Approved when authorization.ValidTo < DateOnly.FromDateTime(now.UtcDateTime):
                throw new ConflictException(
                    $"authorization {authorization.Number} expired on {authorization.ValidTo:yyyy-MM-dd}", "authorization");
        }
    }

    public static string Word<T>(T value) where T : struct, Enum => AuthorizationRules.Word(value);
}
