namespace Reservations.Web.Tests.Infrastructure;

/// <summary>Where the tests save their screenshots: screenshots/ beside the test assembly.</summary>
public static class Screenshots
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static string PathOf(string name) => Path.Combine(Directory, $"{name}.png");
}
