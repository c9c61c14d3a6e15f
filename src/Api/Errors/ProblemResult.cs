using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Reservations.Api.Errors;

/// <summary>
/// An RFC 9457 problem+json answer, serialized once when it is made: the refusals a hot seat gives
/// thousands of times a second are static instances that write cached bytes (docs/performance.md).
/// </summary>
internal sealed class ProblemResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string ContentType = "application/problem+json";

    private readonly byte[] _body;

    public ProblemResult(int status, string error, string detail)
        : this(status, error, detail, null, [])
    {
    }

    /// <summary>A problem that also lists ids in a member of its own (the seats a group could not hold, say).</summary>
    public ProblemResult(int status, string error, string detail, string? listMember, IEnumerable<string> list)
    {
        StatusCode = status;
        Error = error;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeOf(status));
            writer.WriteString("title", TitleOf(error));
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            writer.WriteString(ApiProblem.ErrorMember, error);
            if (listMember is not null)
            {
                writer.WriteStartArray(listMember);
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        _body = buffer.ToArray();
    }

    public int StatusCode { get; }

    /// <summary>The stable machine code in the body's <c>error</c> member.</summary>
    public string Error { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    string IContentTypeHttpResult.ContentType => ContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = _body.Length;
        return response.Body.WriteAsync(_body).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(ProblemDetails), [ContentType]));
    }

    private static string TitleOf(string error) =>
        error.Length == 0 ? "Error" : char.ToUpperInvariant(error[0]) + error[1..].Replace('_', ' ');

    // The references ASP.NET Core's own problem details carry for these statuses.
    private static string TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        410 => "https://tools.ietf.org/html/rfc9110#section-15.5.11",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };
}
