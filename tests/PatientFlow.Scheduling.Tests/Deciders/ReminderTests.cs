using PatientFlow.Scheduling.Appointments;
using static PatientFlow.Scheduling.Tests.Deciders.Schedule;

namespace PatientFlow.Scheduling.Tests.Deciders;

public class ReminderTests
{
    private static readonly TimeSpan TwoDays = TimeSpan.FromHours(48);
    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    // Booked three days ahead.
    private static readonly AppointmentBooked Ahead = Booked with { StartsAt = Now.AddDays(3), EndsAt = Now.AddDays(3).AddMinutes(20), BookedAt = Now };

    private static ReminderDue Due(TimeSpan offset) => new(AppointmentId, PatientId, Ahead.StartsAt, (int)offset.TotalMinutes, Ahead.StartsAt - offset);

    [Fact]
    public void GivenBookedThreeDaysAhead_WhenCheckedFortyEightHoursBefore_ThenTheTwoDayReminderIsDue() =>
        AppointmentSpec.Given(Ahead).WhenRemindersCheckedAt(Ahead.StartsAt - TwoDays, TwoDays, TwoHours).Then(Due(TwoDays));

    [Fact]
    public void GivenTwoDayReminderSent_WhenCheckedAgainBeforeTheTwoHourMark_ThenNothing() =>
        AppointmentSpec.Given(Ahead, Due(TwoDays)).WhenRemindersCheckedAt(Ahead.StartsAt.AddHours(-3), TwoDays, TwoHours).Then();

    [Fact]
    public void GivenTwoDayReminderSent_WhenCheckedTwoHoursBefore_ThenTheTwoHourReminderIsDue() =>
        AppointmentSpec.Given(Ahead, Due(TwoDays)).WhenRemindersCheckedAt(Ahead.StartsAt - TwoHours, TwoDays, TwoHours).Then(Due(TwoHours));

    [Fact]
    public void GivenNoReminderSentYet_WhenCheckedAnHourBefore_ThenBothAreDueOnce() =>
        AppointmentSpec.Given(Ahead).WhenRemindersCheckedAt(Ahead.StartsAt.AddHours(-1), TwoDays, TwoHours).Then(Due(TwoDays), Due(TwoHours));

    [Fact]
    public void GivenBookedOneHourAhead_WhenChecked_ThenNoReminderWhoseTimeHadPassedAtBooking() =>
        AppointmentSpec.Given(Ahead with { BookedAt = Ahead.StartsAt.AddHours(-1) }).WhenRemindersCheckedAt(Ahead.StartsAt.AddMinutes(-50), TwoDays, TwoHours).Then();

    [Fact]
    public void GivenCancelled_WhenCheckedAtTheReminderTime_ThenNothing() =>
        AppointmentSpec.Given(Ahead, new AppointmentCancelled(AppointmentId, PatientId, ProviderId, "x", Now))
            .WhenRemindersCheckedAt(Ahead.StartsAt - TwoHours, TwoDays, TwoHours).Then();

    [Fact]
    public void GivenBooked_WhenCheckedAfterTheStart_ThenNothing() =>
        AppointmentSpec.Given(Ahead).WhenRemindersCheckedAt(Ahead.StartsAt.AddMinutes(1), TwoDays, TwoHours).Then();
}
