using System.Net.Http.Json;
using System.Text.Json;
using PatientFlow.ServiceDefaults;

namespace PatientFlow.Testing;

/// <summary>Typed reads of API answers, with the services' own JSON options: a field the record needs and the body lacks fails the read.</summary>
public static class Answers
{
    public static async Task<T> ReadAsAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(ApiJson.Options)
        ?? throw new InvalidOperationException($"{(int)response.StatusCode} answered no {typeof(T).Name}");

    public static async Task<T> ReadAsAsync<T>(this Task<HttpResponseMessage> response) => await (await response).ReadAsAsync<T>();

    /// <summary>The same read, of an answer a helper already parsed (what a wait-until helper returns).</summary>
    public static T ReadAs<T>(this JsonElement answer) =>
        answer.Deserialize<T>(ApiJson.Options) ?? throw new InvalidOperationException($"the answer held no {typeof(T).Name}");
}
