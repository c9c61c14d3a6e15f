using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Reservations.TestSupport;

namespace Reservations.Api.Tests.Infrastructure;

/// <summary>
/// The whole engine (src/Api, embedded: API and silo) as a process of its own on a fixed port, so a
/// test can kill it (kill -9) and start it again on the same storage.
/// </summary>
public sealed class EngineProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public EngineProcess(IReadOnlyDictionary<string, string> storage)
    {
        Port = FreePorts.Next();
        _settings = new Dictionary<string, string>(storage)
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Urls"] = $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}",
            ["Admin__Username"] = ApiFixture.AdminUsername,
            ["Admin__Password"] = ApiFixture.AdminPassword,
            ["Jwt__SigningKey"] = ApiFixture.SigningKey,
            ["Webhooks__SigningKey"] = ApiFixture.SigningKey,
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            // One test client books seat after seat as one user from one address: far past the engine's abuse limits.
            ["Limits__MaxHoldsPerUser"] = "1000",
            ["Limits__HoldsPerAddress"] = "1000000",
            ["Limits__HoldsPerAccount"] = "1000000",
            ["Limits__SignupsPerAddress"] = "1000000",
            ["Limits__LoginsPerAddress"] = "1000000",
        };
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public string RecentOutput => string.Join('\n', _output.TakeLast(40));

    /// <summary>Starts the engine and waits until /health/ready answers 200.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(SiloProcesses.BuiltDll("Api", "Reservations.Api.dll"));
        foreach (var (name, value) in _settings)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        _process.ErrorDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_process.HasExited, $"the engine exited while starting:\n{RecentOutput}");
            try
            {
                using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (waited.Elapsed < StartTimeout)
            {
            }

            Assert.True(waited.Elapsed < StartTimeout, $"the engine was not ready within {StartTimeout}:\n{RecentOutput}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>kill -9: no shutdown, no flush.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    public async Task<string> AdminTokenAsync()
    {
        using var http = Client();
        using var login = await http.PostAsJsonAsync("/admin/login", new { username = ApiFixture.AdminUsername, password = ApiFixture.AdminPassword });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        _process?.Dispose();
    }
}
