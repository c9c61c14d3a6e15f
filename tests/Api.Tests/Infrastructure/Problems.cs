using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.Api.Errors;

namespace Reservations.Api.Tests.Infrastructure;

public static class Problems
{
    /// <summary>Asserts a problem+json answer with the status and the stable error code.</summary>
    public static async Task AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {error}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(text);
        Assert.Equal(error, body.RootElement.GetProperty("error").GetString());
        Assert.True(ErrorCodes.All.Contains(error), $"The OpenAPI document's error enum (ErrorCodes.All) does not list {error}.");
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string path, T body) => client.PostAsJsonAsync(path, body);
}
