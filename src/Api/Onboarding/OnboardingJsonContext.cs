using System.Text.Json;
using System.Text.Json.Serialization;
using Reservations.Api.Contracts;

namespace Reservations.Api.Onboarding;

/// <summary>Source-generated JSON for the marketing and onboarding bodies and the wizard's stored answers.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PackageBody))]
[JsonSerializable(typeof(IReadOnlyList<PackageBody>))]
[JsonSerializable(typeof(ContactRequest))]
[JsonSerializable(typeof(ContactResponse))]
[JsonSerializable(typeof(IReadOnlyList<ContactResponse>))]
[JsonSerializable(typeof(ReviewRequest))]
[JsonSerializable(typeof(ReviewResponse))]
[JsonSerializable(typeof(IReadOnlyList<ReviewResponse>))]
[JsonSerializable(typeof(BookingRequestBody))]
[JsonSerializable(typeof(BookingCreatedResponse))]
[JsonSerializable(typeof(PrefillResponse))]
[JsonSerializable(typeof(StepRequest))]
[JsonSerializable(typeof(StepResponse))]
[JsonSerializable(typeof(CompleteRequest))]
[JsonSerializable(typeof(CompleteResponse))]
[JsonSerializable(typeof(BookingRequestPage))]
[JsonSerializable(typeof(ResendResponse))]
[JsonSerializable(typeof(OutboxResponse))]
[JsonSerializable(typeof(WelcomeAnswers))]
[JsonSerializable(typeof(BusinessAnswers))]
[JsonSerializable(typeof(InventoryAnswers))]
[JsonSerializable(typeof(PackagesAnswers))]
[JsonSerializable(typeof(PricingAnswers))]
[JsonSerializable(typeof(PaymentAnswers))]
[JsonSerializable(typeof(CrewAnswers))]
[JsonSerializable(typeof(DeliveryAnswers))]
[JsonSerializable(typeof(ReviewAnswers))]
internal sealed partial class OnboardingJsonContext : JsonSerializerContext;
