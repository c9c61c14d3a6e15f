
namespace Reservations.Api.Errors;

/// <summary>Input checks that answer with a validation_failed problem, or null when the value is fine.</summary>
internal static class Check
{
    public static ProblemResult? Text(string? value, string name, int maxLength, int minLength = 1) =>
        string.IsNullOrWhiteSpace(value) ? ApiProblem.Validation($"{name} is required.")
        : value.Length < minLength ? ApiProblem.Validation($"{name} must be at least {minLength} characters.")
        : value.Length > maxLength ? ApiProblem.Validation($"{name} must be at most {maxLength} characters.")
        : value.Any(char.IsControl) ? ApiProblem.Validation($"{name} must not contain control characters.")
        : null;

    /// <summary>Ids we put into grain keys: letters, digits and - _ . : only.</summary>
    public static ProblemResult? Id(string? value, string name, int maxLength = 100) =>
        Text(value, name, maxLength) ?? (value!.All(IsIdChar) ? null : ApiProblem.Validation($"{name} may only contain letters, digits, '-', '_', '.' and ':'."));

    public static ProblemResult? Email(string? value) =>
        Text(value, "email", 254) ?? (IsEmailShaped(value!.Trim()) ? null : ApiProblem.Validation("email is not an email address."));

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';

    private static bool IsEmailShaped(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace)
            && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.');
    }
}
