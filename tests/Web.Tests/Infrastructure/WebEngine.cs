using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Reservations.TestSupport;

namespace Reservations.Web.Tests.Infrastructure;

/// <summary>
/// One engine per test class, on real storage: a fake clock for the grains and an admin account.
/// </summary>
public abstract class WebEngine : IAsyncLifetime
{
    public const string AdminUsername = "operator";
    public const string AdminPassword = "operator-password-1";
    public static readonly TimeSpan HoldDuration = TimeSpan.FromMinutes(2);

    public FakeTimeProvider Time { get; } = FakeClock.Create();

    public WebFactory Factory { get; private set; } = null!;

    /// <summary>The engine's address, for the browser.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    private string? _adminToken;

    protected string DataDirectory { get; } = Directory.CreateTempSubdirectory("reservations-web-tests-").FullName;

    protected abstract Task<IReadOnlyDictionary<string, string?>> StorageSettingsAsync();

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(await StorageSettingsAsync())
        {
            ["Admin:Username"] = AdminUsername,
            ["Admin:Password"] = AdminPassword,
            ["Jwt:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Jwt:Lifetime"] = "12:00:00",
            ["Jwt:AdminLifetime"] = "12:00:00",
            // The browser tests all call from one address.
            ["Limits:SignupsPerAddress"] = "1000000",
            ["Limits:LoginsPerAddress"] = "1000000",
            ["Limits:HoldsPerAddress"] = "1000000",
            ["Reservations:HoldDuration"] = HoldDuration.ToString(),
        };
        Factory = new WebFactory(settings, Time);
        BaseAddress = Factory.ServerAddress;
        using var health = await Http().GetAsync(new Uri(BaseAddress, "/health/ready"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment after the host stops; the OS cleans /tmp.
        }
    }

    /// <summary>An HTTP client of the real server, for checks the browser does not make.</summary>
    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    public async Task<HttpClient> AdminAsync()
    {
        var client = Http();
        if (_adminToken is null)
        {
            using var login = await client.PostAsJsonAsync("/admin/login", new { username = AdminUsername, password = AdminPassword });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            _adminToken = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        return client;
    }

    /// <summary>Creates an app through the admin API: tests of the demo need one, not the dashboard's forms.</summary>
    public async Task<(string AppId, string ApiKey)> CreateAppAsync(string name)
    {
        using var admin = await AdminAsync();
        using var response = await admin.PostAsJsonAsync("/admin/apps", new { name, domain = "EVENT", allowedDomains = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var app = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (app.GetProperty("appId").GetString()!, app.GetProperty("apiKey").GetString()!);
    }

    /// <summary>Seeds rows A, B, ... of <paramref name="perRow"/> seats at 25.00 through the admin API.</summary>
    public async Task SeedAsync(string appId, string entityId, int rows, int perRow)
    {
        using var admin = await AdminAsync();
        var seats = Enumerable.Range(0, rows)
            .SelectMany(r => Enumerable.Range(1, perRow).Select(s => new { seatNumber = $"{(char)('A' + r)}{s}", price = 25m }))
            .ToArray();
        using var response = await admin.PostAsJsonAsync("/admin/seed-data", new { appId, entityId, seats });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Each seat's status by seat number, as the app's own API (GET /seats) lists it.</summary>
    public async Task<Dictionary<string, string>> SeatStatusesAsync((string AppId, string ApiKey) app, string entityId)
    {
        using var client = Tenant(app);
        var listing = await client.GetFromJsonAsync<JsonElement>($"/seats?entityId={entityId}");
        return listing.GetProperty("seats").EnumerateArray()
            .ToDictionary(seat => seat.GetProperty("seatNumber").GetString()!, seat => seat.GetProperty("status").GetString()!);
    }

    /// <summary>A client of the app's API, as a tenant's backend calls it; with a user's token when given.</summary>
    public HttpClient Tenant((string AppId, string ApiKey) app, string? userToken = null)
    {
        var client = Http();
        client.DefaultRequestHeaders.Add("x-app-id", app.AppId);
        client.DefaultRequestHeaders.Add("x-api-key", app.ApiKey);
        if (userToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", userToken);
        }

        return client;
    }

    /// <summary>The bookings of one app, as the admin API lists them.</summary>
    public async Task<JsonElement[]> BookingsAsync(string appId)
    {
        using var admin = await AdminAsync();
        var page = await admin.GetFromJsonAsync<JsonElement>($"/admin/bookings?appId={appId}&limit=500");
        return page.GetProperty("items").EnumerateArray().ToArray();
    }
}

public sealed class SqliteWebEngine : WebEngine
{
    protected override Task<IReadOnlyDictionary<string, string?>> StorageSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(DataDirectory, "reservations.db"),
        });
}

public sealed class PostgresWebEngine : WebEngine
{
    private PostgresDatabase? _database;

    protected override async Task<IReadOnlyDictionary<string, string?>> StorageSettingsAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        return new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["Storage:Sqlite:Path"] = Path.Combine(DataDirectory, "unused.db"),
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
