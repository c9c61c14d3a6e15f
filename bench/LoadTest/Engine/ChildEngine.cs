using System.Diagnostics;
using System.Security.Cryptography;
using Reservations.LoadTest.Core;

namespace Reservations.LoadTest.Engine;

/// <summary>An engine this tool started as a child process on a free loopback port, with generated admin credentials.</summary>
public sealed class ChildEngine : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly bool _ownsDataDirectory;
    private readonly EngineLog _log;
    private bool _started;

    private ChildEngine(Process process, string dataDirectory, bool ownsDataDirectory, EngineLog log, Uri baseAddress, string adminUser, string adminPassword)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        _log = log;
        BaseAddress = baseAddress;
        AdminUser = adminUser;
        AdminPassword = adminPassword;
    }

    public Uri BaseAddress { get; }

    public string AdminUser { get; }

    public string AdminPassword { get; }

    public string LogPath => _log.Path;

    public static async Task<ChildEngine> StartAsync(ChildEngineOptions options, CancellationToken cancellationToken)
    {
        var (arguments, workingDirectory) = EngineLocator.Locate(options.DllPath);
        var ownsDataDirectory = options.DataDirectory is null;
        var dataDirectory = options.DataDirectory ?? Directory.CreateTempSubdirectory("reservations-loadtest-").FullName;
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var adminUser = "loadtest-admin";
        var adminPassword = RandomNumberGenerator.GetHexString(32);

        var start = new ProcessStartInfo
        {
            FileName = options.ServerCpus is null ? "dotnet" : "taskset",
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (options.ServerCpus is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(options.ServerCpus);
            start.ArgumentList.Add("dotnet");
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.Environment["Urls"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Admin__Username"] = adminUser;
        start.Environment["Admin__Password"] = adminPassword;
        start.Environment["Orleans__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Storage__Provider"] = options.Postgres is null ? "Sqlite" : "Postgres";
        start.Environment["Storage__Sqlite__Path"] = Path.Combine(dataDirectory, "reservations.db");
        if (options.Postgres is not null)
        {
            start.Environment["ConnectionStrings__Postgres"] = options.Postgres;
        }

        // ENGINE_X=v in the tester's environment becomes X=v in the engine's only (runtime knobs, settings).
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith("ENGINE_", StringComparison.Ordinal) && name.Length > "ENGINE_".Length)
            {
                start.Environment[name["ENGINE_".Length..]] = variable.Value as string;
            }
        }

        var log = new EngineLog(Path.Combine(dataDirectory, "engine.log"));
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Append(e.Data);
        process.ErrorDataReceived += (_, e) => log.Append(e.Data);
        if (!process.Start())
        {
            throw new LoadTestException($"Could not start {start.FileName}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var engine = new ChildEngine(process, dataDirectory, ownsDataDirectory, log, baseAddress, adminUser, adminPassword);
        try
        {
            await engine.WaitUntilHealthyAsync(cancellationToken);
            engine._started = true;
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>A crash: SIGKILL, no shutdown of any kind. The data directory stays.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first so the engine shuts down as in production; SIGKILL if it does not.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        _log.Dispose();

        if (!_ownsDataDirectory)
        {
            return;
        }

        // Keep the log of a failed start to read; otherwise nothing here is of further use.
        if (_started)
        {
            Directory.Delete(_dataDirectory, recursive: true);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(_dataDirectory).Where(f => !f.EndsWith(".log", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new LoadTestException($"The engine exited with code {_process.ExitCode} while starting. Its output:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if ((int)response.StatusCode == 200)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but slow: try again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        throw new LoadTestException($"GET /health/ready did not answer 200 within {StartTimeout.TotalSeconds} s. The engine's output:\n{Tail()}");
    }

    private string Tail() => _log.Tail(30);
}
