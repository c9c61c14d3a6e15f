using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Reservations.TestSupport;

/// <summary>
/// A PostgreSQL server of one test's own, durable as in production (fsync and synchronous_commit on),
/// that the test may crash: <see cref="KillAsync"/> SIGKILLs the postmaster and every backend, and
/// <see cref="StartAsync"/> starts it again on the same data, through PostgreSQL's crash recovery.
/// The shared server of scripts/test.sh runs with fsync off and is never killed. As root, the server
/// runs as the `postgres` OS user (scripts/postgres.sh creates it), since PostgreSQL refuses root.
/// </summary>
public sealed class CrashablePostgres : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly DirectoryInfo _directory;
    private readonly int _port = FreePorts.Next();
    private Process? _server;

    private CrashablePostgres(string bin, DirectoryInfo directory)
    {
        _bin = bin;
        _directory = directory;
    }

    /// <summary>A connection string to the server's <c>postgres</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres";

    private string DataDirectory => Path.Combine(_directory.FullName, "data");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Makes a new cluster with initdb and starts it.</summary>
    public static async Task<CrashablePostgres> CreateAsync()
    {
        var initdb = Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories)
            .OrderBy(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var major) ? major : 0)
            .LastOrDefault()
            ?? throw new InvalidOperationException("initdb not found under /usr/lib/postgresql: run the tests with ./scripts/test.sh, which installs PostgreSQL.");
        var server = new CrashablePostgres(Path.GetDirectoryName(initdb)!, Directory.CreateTempSubdirectory("crashable-pg-"));
        if (IsRoot)
        {
            await RunAsync("chown", "postgres:", server._directory.FullName);
        }

        await server.RunAsOwnerAsync(initdb, "-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server (after a kill: crash recovery replays the WAL) and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var start = OwnerStart(Path.Combine(_bin, "postgres"));
        foreach (var argument in new[]
        {
            "-D", DataDirectory, "-p", _port.ToString(CultureInfo.InvariantCulture), "-k", _directory.FullName,
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "max_connections=200",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _server = Process.Start(start) ?? throw new InvalidOperationException("Could not start postgres.");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await Eventually.ReturnsAsync(CanConnectAsync, ready => ready || _server.HasExited, "PostgreSQL to accept connections", StartTimeout);
        if (_server.HasExited)
        {
            throw new InvalidOperationException($"postgres exited with code {_server.ExitCode} while starting.");
        }
    }

    /// <summary>A crash: SIGKILL to the postmaster and to every process it started, no shutdown of any kind.</summary>
    public async Task KillAsync()
    {
        if (_server is null)
        {
            return;
        }

        // setpriv execs postgres, so the process this class started is the postmaster itself.
        var postmaster = _server.Id;
        var processes = ChildrenOf(postmaster).Prepend(postmaster).Select(TryGetProcess).OfType<Process>().ToList();
        foreach (var process in processes)
        {
            using (process)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }

        await _server.WaitForExitAsync();
        _server.Dispose();
        _server = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _directory.Delete(recursive: true);
    }

    private async Task<bool> CanConnectAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Timeout=2");
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static IEnumerable<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == parent)
            .ToList();

    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its closing parenthesis.
    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
    }

    private static Process? TryGetProcess(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private ProcessStartInfo OwnerStart(string program)
    {
        var start = new ProcessStartInfo { FileName = IsRoot ? "setpriv" : program, WorkingDirectory = _directory.FullName, UseShellExecute = false };
        if (IsRoot)
        {
            // setpriv execs the program itself, so the process started is the postmaster (runuser would stay as its parent).
            foreach (var argument in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        return start;
    }

    private async Task RunAsOwnerAsync(string program, params string[] arguments)
    {
        var start = OwnerStart(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        await RunAsync(start);
    }

    private static Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo { FileName = program, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return RunAsync(start);
    }

    private static async Task RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
