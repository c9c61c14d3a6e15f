namespace Reservations.Api.Tests.Infrastructure;

/// <summary>Files of this repository, found from the test's output folder.</summary>
public static class RepositoryFiles
{
    public static string PathOf(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Reservations.sln")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        throw new InvalidOperationException($"No Reservations.sln above {AppContext.BaseDirectory}.");
    }
}
