using System.Reflection;
using Reservations.Api.Hosting;
using Reservations.Silo;

namespace Reservations.Deploy.Tests.Settings;

/// <summary>
/// One of the two engine images: its Dockerfile, the project and assembly it runs, and the settings
/// (configuration key, and the value it must have, or null for any) a container of it cannot do without.
/// </summary>
internal sealed record EngineImage(string Name, string Dockerfile, string Project, Assembly Assembly, IReadOnlyDictionary<string, string?> Requires)
{
    public static readonly EngineImage Silo = new(
        "reservations-silo",
        "deploy/docker/silo.Dockerfile",
        "src/Silo/Silo.csproj",
        typeof(OrleansSettings).Assembly,
        new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Urls"] = null,
            ["Orleans:Membership"] = "Redis",
            ["ConnectionStrings:Redis"] = null,
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = null,
            ["Orleans:AdvertisedAddress"] = null,
            ["Orleans:GatewayPort"] = null,
            ["Webhooks:SigningKey"] = null,
        });

    public static readonly EngineImage Api = new(
        "reservations-api",
        "deploy/docker/api.Dockerfile",
        "src/Api/Api.csproj",
        typeof(EngineOptions).Assembly,
        new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Urls"] = null,
            ["Engine:Mode"] = "Gateway",
            ["ConnectionStrings:Redis"] = null,
            ["Jwt:SigningKey"] = null,
        });

    public static readonly IReadOnlyList<EngineImage> All = [Silo, Api];

    public string Dll => Assembly.GetName().Name + ".dll";

    /// <summary>The engine image a container image reference names (any registry, any tag), or null.</summary>
    public static EngineImage? Named(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var name = reference.Split('/')[^1].Split(':')[0];
        return All.FirstOrDefault(image => image.Name == name);
    }

    public override string ToString() => Name;
}
