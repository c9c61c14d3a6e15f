using Reservations.Api.Hosting;
using Reservations.Api.Limits;
using Reservations.Api.Mail;
using Reservations.Api.Onboarding;
using Reservations.Api.SeatMap;
using Reservations.Grains;
using Reservations.Silo;
using Reservations.Silo.Storage;

namespace Reservations.Deploy.Tests.Settings;

/// <summary>
/// Every configuration key the engine's processes read, in one table: a new options class is one
/// line in <see cref="Sections"/>.
/// </summary>
internal static class SettingsCatalog
{
    /// <summary>Our sections and the options class each binds to; its public settable properties are its keys.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        [OrleansSettings.SectionName] = typeof(OrleansSettings),
        [StorageOptions.SectionName] = typeof(StorageOptions),
        [EngineOptions.SectionName] = typeof(EngineOptions),
        [AdminOptions.SectionName] = typeof(AdminOptions),
        [JwtOptions.SectionName] = typeof(JwtOptions),
        [PasswordHashingOptions.SectionName] = typeof(PasswordHashingOptions),
        [LimitsOptions.SectionName] = typeof(LimitsOptions),
        [ReservationOptions.SectionName] = typeof(ReservationOptions),
        [SeatMapOptions.SectionName] = typeof(SeatMapOptions),
        [WebhookSettings.SectionName] = typeof(WebhookSettings),
        [OnboardingOptions.SectionName] = typeof(OnboardingOptions),
        [MailOptions.SectionName] = typeof(MailOptions),
    };

    /// <summary>The names read by <c>GetConnectionString</c>.</summary>
    public static readonly IReadOnlySet<string> ConnectionStrings = new HashSet<string>(["Redis", "Postgres"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Keys the .NET host reads: where Kestrel listens, the environment name, and HostOptions'
    /// shutdown timeout (<see cref="ShutdownTimeoutKey"/>, read from the root of the configuration).
    /// </summary>
    public static readonly IReadOnlySet<string> FrameworkKeys = new HashSet<string>(["Urls", "Environment", ShutdownTimeoutKey], StringComparer.OrdinalIgnoreCase);

    /// <summary>Framework sections whose every subkey is valid (a log category is any name).</summary>
    public static readonly IReadOnlyList<string> FrameworkSections = ["Logging:LogLevel"];

    public const string ShutdownTimeoutKey = "shutdownTimeoutSeconds";

    /// <summary>Values that must come from a secret store, never a literal in a deployment file.</summary>
    public static readonly IReadOnlySet<string> Secrets = new HashSet<string>(["Jwt:SigningKey", "Webhooks:SigningKey", "Admin:Password", "Mail:Smtp:Password"], StringComparer.OrdinalIgnoreCase);

    public static bool Reads(string key)
    {
        if (FrameworkKeys.Contains(key) || FrameworkSections.Any(section => key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var path = key.Split(':');
        if (path is ["ConnectionStrings", var name])
        {
            return ConnectionStrings.Contains(name);
        }

        return Sections.TryGetValue(path[0], out var type) && HasSetting(type, path[1..]);
    }

    private static bool HasSetting(Type type, string[] path)
    {
        if (path.Length == 0)
        {
            return false;
        }

        var property = type.GetProperty(path[0], System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
        if (property?.SetMethod is not { IsPublic: true })
        {
            return false;
        }

        var scalar = IsScalar(property.PropertyType);
        return path.Length == 1 ? scalar : !scalar && HasSetting(property.PropertyType, path[1..]);
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(TimeSpan) || underlying == typeof(decimal);
    }
}
