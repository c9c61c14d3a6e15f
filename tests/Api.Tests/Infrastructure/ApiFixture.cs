using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Api.Security;
using Reservations.Client;
using Microsoft.Extensions.Time.Testing;
using Reservations.Grains.Bookings;
using Reservations.TestSupport;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>An app's credentials as a test holds them.</summary>
public sealed record TestApp(string AppId, string ApiKey);

/// <summary>A user as a test holds it.</summary>
public sealed record TestUser(TestApp App, string UserId, string Token, string Email);

/// <summary>
/// One engine per test class: storage, a fake clock, an admin token, two apps (A and B) and three
/// users (two in A, one in B), made once because each signup hashes a password with 600,000 rounds.
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    public const string AdminUsername = "operator";
    public const string AdminPassword = "operator-password-1";
    public const string UserPassword = "user-password-1";
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly EngineStorage _storage;

    protected ApiFixture(EngineStorage storage) => _storage = storage;

    public FakeTimeProvider Time { get; } = FakeClock.Create();

    public ApiFactory Factory { get; private set; } = null!;

    public string AdminToken { get; private set; } = null!;

    public TestApp AppA { get; private set; } = null!;

    public TestApp AppB { get; private set; } = null!;

    public TestUser UserA1 { get; private set; } = null!;

    public TestUser UserA2 { get; private set; } = null!;

    public TestUser UserB1 { get; private set; } = null!;

    /// <summary>The ledger type the engine must use when a fixture wraps the storage's own; null to expect the storage's.</summary>
    protected virtual Type? ExpectedLedgerType => null;

    /// <summary>Settings a fixture adds to the engine's.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    /// <summary>Test doubles a fixture puts around engine services.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        await StartAsync();
        AdminToken = await LogInAdminAsync();
        AppA = await CreateAppAsync("Shop A", ["https://a.example"]);
        AppB = await CreateAppAsync("Shop B", ["https://b.example"]);
        var users = await Task.WhenAll(SignUpAsync(AppA, "a1@example.com"), SignUpAsync(AppA, "a2@example.com"), SignUpAsync(AppB, "b1@example.com"));
        (UserA1, UserA2, UserB1) = (users[0], users[1], users[2]);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _storage.DisposeAsync();
    }

    /// <summary>Stops the process and starts a new one on the same storage and the same clock.</summary>
    public async Task RestartAsync()
    {
        await Factory.DisposeAsync();
        await StartAsync();
    }

    /// <summary>A new admin token, for a test that moved the clock past the last one's lifetime.</summary>
    public async Task LogInAdminAgainAsync() => AdminToken = await LogInAdminAsync();

    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient Admin()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    public HttpClient Tenant(TestApp app, string? bearer = null)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("x-app-id", app.AppId);
        client.DefaultRequestHeaders.Add("x-api-key", app.ApiKey);
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public HttpClient As(TestUser user) => Tenant(user.App, user.Token);

    /// <summary>A valid token for a user id that never signed up: lets races use hundreds of distinct users without hashing passwords.</summary>
    public string MintUserToken(TestApp app, string userId) =>
        Factory.Services.GetRequiredService<TokenService>().IssueUser(userId, app.AppId).Token;

    /// <summary>
    /// The .NET client over this engine, as an app (and a user or admin token) calls it. It does not retry:
    /// a test sees every answer, and the fake clock would hold a retry's wait.
    /// </summary>
    public ReservationsClient Client(TestApp? app = null, string? bearer = null) =>
        new ReservationsClient(Factory.CreateClient(), new ReservationsClientOptions { AppId = app?.AppId, ApiKey = app?.ApiKey, MaxRetries = 0 })
            .WithBearer(bearer);

    public ReservationsClient AdminClient() => Client(bearer: AdminToken);

    public ReservationsClient ClientAs(TestUser user) => Client(user.App, user.Token);

    public async Task<TestApp> CreateAppAsync(string name, string[] allowedDomains)
    {
        var app = await AdminClient().CreateAppAsync(new CreateAppRequest(name: name, domain: "EVENT", allowedDomains: allowedDomains)).Created();
        return new TestApp(app.AppId, app.ApiKey);
    }

    /// <summary>Seeds a new entity with <paramref name="count"/> seats and returns their ids.</summary>
    public async Task<(string EntityId, string[] SeatIds)> SeedAsync(TestApp app, int count = 1)
    {
        var entityId = $"ev-{Guid.NewGuid():N}";
        var seats = Enumerable.Range(1, count).Select(i => new SeedSeatRequest(seatNumber: $"R{i}", price: 10m + i, section: null, row: null, position: null, category: null, accessible: null)).ToList();
        var seeded = await AdminClient().SeedDataAsync(new SeedDataRequest(appId: app.AppId, entityId: entityId, seats: seats, categories: null, focalPoint: null)).Created();
        return (entityId, [.. seeded.Seats.Select(s => s.SeatId)]);
    }

    public async Task<TestUser> SignUpAsync(TestApp app, string email)
    {
        var user = await Client(app).SignUpAsync(new SignupRequest(email: email, password: UserPassword, name: "Test User")).Created();
        return new TestUser(app, user.UserId, user.Token, email);
    }

    private async Task StartAsync()
    {
        var settings = new Dictionary<string, string?>(_storage.Settings)
        {
            ["Admin:Username"] = AdminUsername,
            ["Admin:Password"] = AdminPassword,
            ["Jwt:SigningKey"] = SigningKey,
            ["Jwt:Lifetime"] = "12:00:00",
            ["Jwt:AdminLifetime"] = "12:00:00",
            // Every test of a class calls from one address: its rate limits are set per app by the tests of limits.
            ["Limits:SignupsPerAddress"] = "1000000",
            ["Limits:SignupsPerAccount"] = "1000000",
            ["Limits:LoginsPerAddress"] = "1000000",
            ["Limits:LoginsPerAccount"] = "1000000",
            ["Limits:HoldsPerAddress"] = "1000000",
            ["Limits:HoldsPerAccount"] = "1000000",
            ["Reservations:HoldDuration"] = "00:02:00",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        Factory = new ApiFactory(settings, Time, ConfigureServices);
        using var health = await Factory.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.IsType(ExpectedLedgerType ?? _storage.ExpectedLedgerType, Factory.Services.GetRequiredService<IBookingLedger>());
        Assert.Same(Time, Factory.Services.GetRequiredService<TimeProvider>());
    }

    private async Task<string> LogInAdminAsync() =>
        (await Client().AdminLogInAsync(new AdminLoginRequest(username: AdminUsername, password: AdminPassword)).Ok()).Token;
}

public sealed class SqliteApiFixture() : ApiFixture(new SqliteEngineStorage());

public sealed class PostgresApiFixture() : ApiFixture(new PostgresEngineStorage());
