namespace PatientFlow.ServiceDefaults.Production;

/// <summary>What a process is, for the production rules that apply to one kind only.</summary>
public enum ProcessKind
{
    /// <summary>A service: reached from the gateway and from other services inside the cluster.</summary>
    Service,

    /// <summary>The gateway: the one process browsers and integrators reach, so it terminates TLS itself.</summary>
    Gateway,
}
