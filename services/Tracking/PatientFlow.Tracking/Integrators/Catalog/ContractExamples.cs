using System.Reflection;

namespace PatientFlow.Tracking.Integrators.Catalog;

/// <summary>
/// A complete, deterministic example instance of any contract, built by reflection through its primary
/// constructor: every property filled (optional ones too, so the example shows the whole shape), nested records and
/// lists included. Plausible values come from <see cref="ExampleValues"/> by property name, then by .NET type.
/// </summary>
public static class ContractExamples
{
    /// <summary>An example instance of <paramref name="contract"/>, the same on every call.</summary>
    public static object ExampleOf(Type contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var constructor = contract.GetConstructors().MaxBy(candidate => candidate.GetParameters().Length)
            ?? throw new ArgumentException($"{contract} has no public constructor to build an example with.", nameof(contract));
        var arguments = constructor.GetParameters().Select(parameter => ValueOf(contract, parameter)).ToArray();
        return constructor.Invoke(arguments);
    }

    private static object ValueOf(Type owner, ParameterInfo parameter) =>
        ValueOf(owner, parameter.Name!, Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType);

    private static object ValueOf(Type owner, string name, Type type) => type switch
    {
        _ when type == typeof(Guid) => ExampleValues.Id(name == "EventId" ? $"{owner.Name}.{name}" : name),
        _ when type == typeof(DateTimeOffset) => ExampleValues.Time(owner, name),
        _ when type == typeof(DateOnly) => ExampleValues.Date(name),
        _ when type == typeof(string) => ExampleValues.Text(owner, name),
        _ when type == typeof(int) => ExampleValues.Whole(name),
        _ when type == typeof(decimal) => ExampleValues.Amount(owner, name),
        _ when type == typeof(bool) => ExampleValues.Flag(name),
        { IsEnum: true } => Enum.GetValues(type).GetValue(0)!,
        _ when ElementOf(type) is { } element => ListOf(owner, name, element),
        { IsClass: true } => ExampleOf(type),
        _ => throw new NotSupportedException($"No example value for {owner.Name}.{name} of type {type}; teach {nameof(ExampleValues)} one."),
    };

    // Contracts expose lists as IReadOnlyList<T>; an array is one.
    private static Type? ElementOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    private static Array ListOf(Type owner, string name, Type element)
    {
        object[] items = element == typeof(string) ? ExampleValues.Texts(name) : [ValueOf(owner, name, element)];
        var list = Array.CreateInstance(element, items.Length);
        for (var index = 0; index < items.Length; index++)
            list.SetValue(items[index], index);
        return list;
    }
}
