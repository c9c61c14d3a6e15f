using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Reservations.Silo;

/// <summary>Reads a settings section the silo needs while it is being configured, validated then, so a bad value stops the start with its name.</summary>
public static class Settings
{
    /// <summary>The section bound to <typeparamref name="T"/> and validated by its data annotations and <see cref="IValidatableObject"/>.</summary>
    public static T Read<T>(IConfiguration configuration, string sectionName) where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        T value;
        try
        {
            value = configuration.GetSection(sectionName).Get<T>() ?? new T();
        }
        catch (InvalidOperationException exception)
        {
            throw new OptionsValidationException(sectionName, typeof(T), [$"{sectionName}: {exception.InnerException?.Message ?? exception.Message}"]);
        }

        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            return value;
        }

        throw new OptionsValidationException(
            sectionName,
            typeof(T),
            [.. results.Select(r => $"{sectionName}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}")]);
    }
}
