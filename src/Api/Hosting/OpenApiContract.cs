using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Reservations.Api.Contracts;
using Reservations.Grains.Seats;

namespace Reservations.Api.Hosting;

/// <summary>
/// What makes the OpenAPI document a contract clients are generated from (clients/openapi.json): a title,
/// tags described, a relative server (the document is the same whichever host serves it), money as
/// decimal, and examples of the bodies of the booking flow.
/// </summary>
internal static class OpenApiContract
{
    public static OpenApiOptions AddContractDetails(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Reservations API",
                Version = "v1",
                Description = "Seats held for a while with a one-time reservation token, then booked exactly once. "
                    + "Every refusal is RFC 9457 problem+json with a stable `error` code; 503 answers carry Retry-After. docs/api.md tells the whole contract.",
            };
            document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document." }];
            foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
            {
                tag.Description = Tags.GetValueOrDefault(tag.Name ?? "");
            }
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(decimal))
            {
                schema.Format = "decimal";
            }

            if (Examples.TryGetValue(type, out var example))
            {
                schema.Examples = [JsonNode.Parse(example)!];
            }

            return Task.CompletedTask;
        });
        return options;
    }

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Users"] = "A tenant's users: sign up, log in, tokens (x-app-id and x-api-key).",
        ["Seats"] = "Listing seats, holding and releasing them (a user's bearer token for holds).",
        ["Bookings"] = "Confirming holds into bookings, and a user's bookings.",
        ["Admin"] = "The operators: apps, keys, all bookings, usage, seeding (an admin's bearer token).",
        ["Webhooks"] = "Endpoints that receive an app's events, and their deliveries.",
        ["Channels"] = "Sales channels: seats kept for a box office or a partner, held only with the channel's key (x-channel-key).",
        ["Marketing"] = "The public marketing page: plans, testimonials, contact.",
        ["Admin: marketing"] = "The operators' side of the marketing page.",
        ["Onboarding"] = "A new tenant's booking request and the onboarding wizard.",
        ["Admin: onboarding"] = "The operators' view of onboarding requests and the mail outbox.",
    };

    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(SignupRequest)] = """{"email":"ann@example.com","password":"correct horse 42","name":"Ann"}""",
        [typeof(SignupResponse)] = """{"userId":"U-q8Zk3vT1bW9xYc2mNf0aLg","token":"eyJhbGciOi...","expiresAt":"2030-01-01T12:00:00+00:00"}""",
        [typeof(ReserveSeatRequest)] = """{"seatId":"film-1:1"}""",
        [typeof(ReservationResponse)] = """{"reservationToken":"rt_film-1:1.n4Vb8sKq2LmZx7RtYw3pGa","seatId":"film-1:1","expiresAt":"2030-01-01T12:02:00+00:00"}""",
        [typeof(ConfirmBookingRequest)] = """{"reservationToken":"rt_film-1:1.n4Vb8sKq2LmZx7RtYw3pGa","paymentId":"PAY-1"}""",
        [typeof(Booking)] = """{"bookingId":"B-Hc5Jw2Qe9Ru4Tk7Ym1Pz6A","appId":"APP-7k2m-9q4x-c8vd","seatId":"film-1:1","entityId":"film-1","seatNumber":"A1","price":12.5,"userId":"U-q8Zk3vT1bW9xYc2mNf0aLg","paymentId":"PAY-1","bookedAt":"2030-01-01T12:01:10+00:00"}""",
        [typeof(CreateAppRequest)] = """{"name":"Demo Cinema","domain":"MOVIE","allowedDomains":["https://cinema.example"]}""",
        [typeof(SeedDataRequest)] = """{"appId":"APP-7k2m-9q4x-c8vd","entityId":"film-1","seats":[{"seatNumber":"A1","price":12.5},{"seatNumber":"A2","price":12.5}]}""",
    };
}
