using System.Net.Http.Json;
using PatientFlow.ServiceDefaults;

namespace PatientFlow.Testing;

/// <summary>Typed reads of API answers, with the services' own JSON options: a field the record needs and the body lacks fails the read.</summary>
public static class Answers
{
    public static async Task<T> ReadAsAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(ApiJson.Options)
        ?? throw new InvalidOperationException($"{(int)response.StatusCode} answered no {typeof(T).Name}");

    public static async Task<T> ReadAsAsync<T>(this Task<HttpResponseMessage> response) => await (await response).ReadAsAsync<T>();
}
