using System.Xml.Linq;
using Reservations.Deploy.Tests.Files;
using Reservations.Deploy.Tests.Settings;

namespace Reservations.Deploy.Tests;

/// <summary>Each engine image builds its project from files that exist, runs its assembly, and not as root.</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Images() => [.. EngineImage.All.Select(image => image.Name)];

    [Theory]
    [MemberData(nameof(Images))]
    public void Dockerfile_PublishesItsProject_AndRunsItsAssembly(string name)
    {
        var image = EngineImage.Named(name)!;
        var dockerfile = Dockerfile.Load(RepositoryFiles.PathOf(image.Dockerfile));

        Assert.Equal([image.Project], dockerfile.ProjectsOf("publish"));
        Assert.Equal([image.Project], dockerfile.ProjectsOf("restore"));
        Assert.Equal(["dotnet", image.Dll], dockerfile.Entrypoint);
        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], dockerfile.BaseImages);
        Assert.Equal("$APP_UID", dockerfile.User);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Dockerfile_CopiesOnlyWhatExists_AndEveryProjectBeforeTheRestore(string name)
    {
        var image = EngineImage.Named(name)!;
        var dockerfile = Dockerfile.Load(RepositoryFiles.PathOf(image.Dockerfile));
        var restore = dockerfile.IndexOf("restore");
        var copiedBeforeRestore = dockerfile.Before(restore).CopiedFromContext.ToHashSet(StringComparer.Ordinal);

        Assert.All(dockerfile.CopiedFromContext, path => Assert.True(Path.Exists(RepositoryFiles.PathOf(path)), $"{image.Dockerfile} copies {path}, which does not exist."));
        Assert.All(ProjectClosure(image.Project), project => Assert.Contains(project, copiedBeforeRestore));
        Assert.Contains("Directory.Packages.props", copiedBeforeRestore);
    }

    [Fact]
    public void ComposeEngines_BuildFromTheirDockerfile()
    {
        var compose = DeploymentFiles.Compose;
        foreach (var service in compose.ServiceNames.Where(s => EngineImage.Named(compose.Image(s)) is not null))
        {
            Assert.Equal(EngineImage.Named(compose.Image(service))!.Dockerfile, compose.Dockerfile(service));
        }
    }

    /// <summary>The project and every project it references, transitively, as repository paths.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(RepositoryFiles.PathOf(next))!;
            foreach (var reference in XDocument.Load(RepositoryFiles.PathOf(next)).Descendants("ProjectReference"))
            {
                pending.Push(Path.GetRelativePath(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(directory, reference.Attribute("Include")!.Value))).Replace('\\', '/'));
            }
        }

        return found;
    }
}
