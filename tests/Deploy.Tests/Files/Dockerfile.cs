using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reservations.Deploy.Tests.Files;

/// <summary>The instructions of a Dockerfile, continuation lines joined and comments dropped.</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<(string Keyword, string Arguments)> instructions) => Instructions = instructions;

    public IReadOnlyList<(string Keyword, string Arguments)> Instructions { get; }

    /// <summary>What the image that runs is made of: the instructions after the last FROM.</summary>
    public IEnumerable<(string Keyword, string Arguments)> FinalStage =>
        Instructions.Skip(Instructions.Select((instruction, index) => instruction.Keyword == "FROM" ? index : -1).Max());

    public IEnumerable<string> BaseImages => Instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments.Split(' ')[0]);

    /// <summary>The variables the final stage sets (ENV name=value ..., no quoting).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        FinalStage.Where(i => i.Keyword == "ENV")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    public IReadOnlyList<string> Entrypoint =>
        FinalStage.Where(i => i.Keyword == "ENTRYPOINT").Select(i => JsonSerializer.Deserialize<string[]>(i.Arguments)!).LastOrDefault() ?? [];

    public string? User => FinalStage.LastOrDefault(i => i.Keyword == "USER").Arguments;

    /// <summary>The repository paths COPY takes from the build context (not from another stage), in order.</summary>
    public IEnumerable<string> CopiedFromContext =>
        Instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1));

    /// <summary>The project a <c>dotnet &lt;verb&gt;</c> RUN instruction names.</summary>
    public IEnumerable<string> ProjectsOf(string verb) =>
        Instructions.Where(i => i.Keyword == "RUN")
            .Select(i => DotnetCommand().Match(i.Arguments))
            .Where(m => m.Success && m.Groups["verb"].Value == verb)
            .Select(m => m.Groups["project"].Value);

    /// <summary>The index of the first RUN instruction of <c>dotnet &lt;verb&gt;</c>.</summary>
    public int IndexOf(string verb) =>
        Instructions.Select((instruction, index) => (instruction, index))
            .First(x => x.instruction.Keyword == "RUN" && DotnetCommand().Match(x.instruction.Arguments) is { Success: true } m && m.Groups["verb"].Value == verb).index;

    /// <summary>The instructions before the one at <paramref name="index"/>.</summary>
    public Dockerfile Before(int index) => new([.. Instructions.Take(index)]);

    public static Dockerfile Load(string path)
    {
        var logical = File.ReadAllText(path).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2))
            .Select(parts => (parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : ""));
        return new Dockerfile([.. logical]);
    }

    [GeneratedRegex(@"^dotnet (?<verb>\w+) (?<project>\S+\.csproj)")]
    private static partial Regex DotnetCommand();
}
