using System.ComponentModel.DataAnnotations;

namespace Reservations.Api.Hosting;

/// <summary>The operator account (section "Admin"). Without a password the first start makes one and prints it once.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    [Required(AllowEmptyStrings = false)]
    [StringLength(64, MinimumLength = 1)]
    [RegularExpression("^[A-Za-z0-9_.@-]+$")]
    public string Username { get; set; } = "admin";

    [StringLength(256, MinimumLength = 8)]
    public string? Password { get; set; }
}
