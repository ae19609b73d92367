namespace PatientFlow.Simulator.Planning;

/// <summary>A made-up patient, as the front desk registers them. Never logged: logs name visits by id.</summary>
public sealed record PatientProfile(string Mrn, string FirstName, string LastName, DateOnly DateOfBirth, string Sex);

/// <summary>
/// Made-up patients from short name lists, drawn from the plan's sampler. Name and birth date never repeat within
/// a plan, because scheduling refuses a likely duplicate registration.
/// </summary>
public sealed class PatientGenerator(Sampler sampler, int seed, DateOnly date)
{
    private static readonly string[] Female = ["Ada", "Grace", "Maria", "Olivia", "Amara", "Sofia", "Mei", "Hannah", "Leila", "Ruth", "Chloe", "Ines", "Priya", "Nora", "Zoe", "Elena"];
    private static readonly string[] Male = ["Liam", "Noah", "Omar", "Mateo", "Kenji", "Samuel", "Ravi", "Elijah", "Lucas", "Tomas", "Amir", "Jonah", "Felix", "Diego", "Yusuf", "Owen"];
    private static readonly string[] Last =
    [
        "Example", "Rivera", "Okafor", "Nguyen", "Schmidt", "Haddad", "Kowalski", "Tanaka", "Moreau", "Silva", "Brennan", "Osei",
        "Lindqvist", "Patel", "Novak", "Duarte", "Fischer", "Mensah", "Kaur", "Romero", "Ivanova", "Sato", "Mwangi", "Larsen",
    ];

    private readonly HashSet<(string, string, DateOnly)> taken = [];

    public PatientProfile Next(int number)
    {
        while (true)
        {
            var female = sampler.Chance(0.52);
            var first = sampler.Pick(female ? Female : Male);
            var last = sampler.Pick(Last);
            // Mostly adults, some children: ages 1 to 90, weighted towards 25-75.
            var age = Math.Clamp((int)Math.Round(sampler.Normal(48, 20)), 1, 90);
            var born = date.AddYears(-age).AddDays(-sampler.Between(0, 364));
            if (taken.Add((first, last, born)))
            {
                return new PatientProfile($"SIM{seed}-{number:0000}", first, last, born, female ? "female" : "male");
            }
        }
    }
}
