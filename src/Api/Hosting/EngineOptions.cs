using System.ComponentModel.DataAnnotations;

namespace Reservations.Api.Hosting;

/// <summary>Where the grains run (section "Engine").</summary>
public sealed class EngineOptions
{
    public const string SectionName = "Engine";

    /// <summary>
    /// "Embedded" (the default): a silo in this process. "Gateway": an Orleans client of a cluster of
    /// src/Silo processes found through Redis; this process holds no grain.
    /// </summary>
    [Required]
    [AllowedValues("Embedded", "Gateway")]
    public string Mode { get; set; } = "Embedded";

    public bool IsGateway => Mode == "Gateway";
}
