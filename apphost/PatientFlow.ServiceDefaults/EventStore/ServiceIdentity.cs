namespace PatientFlow.ServiceDefaults.EventStore;

/// <summary>Which service this process is (<c>scheduling</c>...) and which instance of it, for logs, metrics and operations routes.</summary>
public sealed record ServiceIdentity(string Service, string Instance);
