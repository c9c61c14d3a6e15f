namespace Reservations.Deploy.Tests.Files;

/// <summary>The repository's files, found from the test's build output upward.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static IEnumerable<string> YamlIn(string relativeDirectory) =>
        Directory.EnumerateFiles(PathOf(relativeDirectory), "*.yaml").Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Reservations.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Reservations.sln above {AppContext.BaseDirectory}.");
    }
}
