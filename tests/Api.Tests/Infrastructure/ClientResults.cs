using System.Net;
using Reservations.Client;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>Assertions on the .NET client's answers: the status, then the body or the problem's error code.</summary>
public static class ClientResults
{
    public static Task<T> Ok<T>(this Task<ApiResult<T>> call) => call.Expect(HttpStatusCode.OK);

    public static Task<T> Created<T>(this Task<ApiResult<T>> call) => call.Expect(HttpStatusCode.Created);

    public static async Task<T> Expect<T>(this Task<ApiResult<T>> call, HttpStatusCode status)
    {
        var result = await call;
        Assert.True(result.Status == status, $"Expected {(int)status}, got {(int)result.Status} {result.Error}: {result.Problem?.Detail}");
        return result.Value!;
    }

    public static async Task<ProblemDetails> Refused<T>(this Task<ApiResult<T>> call, HttpStatusCode status, string error)
    {
        var result = await call;
        Assert.True(result.Status == status && result.Error == error, $"Expected {(int)status} {error}, got {(int)result.Status} {result.Error}");
        Assert.Equal((int)status, result.Problem!.Status);
        return result.Problem;
    }
}
