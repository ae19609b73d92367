namespace PatientFlow.AppHost.Infrastructure;

/// <summary>An OS account from /etc/passwd; PostgreSQL refuses to run as root, so as root we run it as <c>postgres</c>.</summary>
internal sealed record UnixUser(string Name, int Uid, int Gid)
{
    public static UnixUser Find(string name)
    {
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length > 3 && fields[0] == name)
            {
                return new UnixUser(name, int.Parse(fields[2]), int.Parse(fields[3]));
            }
        }

        throw new Launching.LaunchException($"OS user '{name}' does not exist; install the postgresql-15 package (apt-get install postgresql-15), which creates it");
    }
}
