using System.Net;
using System.Net.Http.Json;
using Reservations.Api.Tests.Infrastructure;
using Reservations.TestSupport;

namespace Reservations.Api.Tests;

/// <summary>Password hashing is bounded: past the permits and the queue, callers get 429, never a 500.</summary>
public sealed class PasswordHashingLimitTests : IAsyncLifetime
{
    private readonly SqliteEngineStorage _storage = new();
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        var settings = new Dictionary<string, string?>(_storage.Settings)
        {
            ["Admin:Username"] = "operator",
            ["Admin:Password"] = "operator-password-1",
            ["PasswordHashing:MaxConcurrent"] = "1",
            ["PasswordHashing:QueueLimit"] = "0",
        };
        _factory = new ApiFactory(settings, FakeClock.Create());
        using var health = await _factory.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task AdminLogin_MoreConcurrentThanPermitsAndQueue_ExtraCallersGet429Problem()
    {
        var client = _factory.CreateClient();
        // Task.Run: a login hashes synchronously on its caller's thread, so without it they would run one by one.
        // The right password: failed logins would lock the account out (429 login_locked) when they happen to run one by one.
        var logins = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => client.PostAsJsonAsync("/admin/login", new { username = "operator", password = "operator-password-1" })))
            .ToList();
        var responses = await Task.WhenAll(logins);

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        await refused[0].AssertProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
    }
}
