using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace PatientFlow.Platform.Audit;

/// <summary>
/// The patients an answer is about: every <c>PatientId</c> (a <see cref="Guid"/>) on the answer, on the items of a list
/// it is or holds, and on records nested in it (a search's page, a visit's appointment). Read from the answer's own
/// types, so a handler records nothing by hand and a search records exactly the patients it returned.
/// </summary>
public static class PatientIdsInAnswer
{
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, TypeShape> Shapes = new();

    public static IReadOnlyList<Guid> Of(object? answer)
    {
        var found = new HashSet<Guid>();
        Collect(answer, found, 0);
        found.Remove(Guid.Empty);
        return [.. found];
    }

    private static void Collect(object? value, HashSet<Guid> found, int depth)
    {
        if (value is null || depth > MaxDepth || value is string or JsonElement or JsonDocument)
        {
            return;
        }

        if (value is IEnumerable items and not IDictionary)
        {
            foreach (var item in items)
            {
                Collect(item, found, depth + 1);
            }

            return;
        }

        var shape = Shapes.GetOrAdd(value.GetType(), TypeShape.Of);
        foreach (var patientId in shape.PatientIds)
        {
            if (patientId.GetValue(value) is Guid id)
            {
                found.Add(id);
            }
        }

        foreach (var nested in shape.Nested)
        {
            Collect(nested.GetValue(value), found, depth + 1);
        }
    }

    private sealed record TypeShape(PropertyInfo[] PatientIds, PropertyInfo[] Nested)
    {
        public static TypeShape Of(Type type)
        {
            if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                return new TypeShape([], []);
            }

            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
            return new TypeShape(
                [.. properties.Where(p => p.Name == "PatientId" && (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?)))],
                [.. properties.Where(p => IsWorthReading(p.PropertyType))]);
        }

        // Records and lists of records of our own; not strings, numbers, times or framework types.
        private static bool IsWorthReading(Type type) =>
            type != typeof(string) && !type.IsPrimitive && !type.IsEnum && !type.IsValueType &&
            (type.Namespace?.StartsWith("PatientFlow", StringComparison.Ordinal) == true ||
             (typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IDictionary).IsAssignableFrom(type)));
    }
}
