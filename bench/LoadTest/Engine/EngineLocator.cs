namespace Reservations.LoadTest.Engine;

/// <summary>Finds how to start the engine: its built dll, or else `dotnet run --no-build` on src/Api.</summary>
internal static class EngineLocator
{
    private const string ApiProject = "src/Api/Api.csproj";

    /// <summary>The dotnet arguments that start the engine, and the directory to start it in.</summary>
    public static (IReadOnlyList<string> Arguments, string WorkingDirectory) Locate(string? dllPath)
    {
        if (dllPath is not null)
        {
            var full = Path.GetFullPath(dllPath);
            return File.Exists(full)
                ? ([full], Path.GetDirectoryName(full)!)
                : throw new Core.LoadTestException($"--engine-dll {full} does not exist.");
        }

        var root = FindRepositoryRoot()
            ?? throw new Core.LoadTestException($"Cannot find {ApiProject} above {Environment.CurrentDirectory}: pass --engine-dll.");
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var dll = Path.Combine(root, "src", "Api", "bin", configuration, "net10.0", "Reservations.Api.dll");
            if (File.Exists(dll))
            {
                // The engine reads appsettings.json from its content root, the working directory: start it beside its dll.
                return ([dll], Path.GetDirectoryName(dll)!);
            }
        }

        return (["run", "--project", Path.Combine(root, ApiProject), "-c", "Release", "--no-build", "--"], Path.Combine(root, "src", "Api"));
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, ApiProject)))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
